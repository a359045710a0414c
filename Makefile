# Two commands for a new user: `make report` and `make test`. Both install what is missing first.
BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
NAMND := $(BUILD_DIR)/namnd
EXEMPEL := data/exempel

# make fuzz: libFuzzer harnesses (clang) in their own build folder, FUZZ_SECONDS per harness.
# make test-asan: the unit and golden tests under AddressSanitizer and UBSan (gcc).
# make test-valgrind: the example kommun's run under valgrind memcheck (scripts/valgrind-example.sh).
FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
ASAN_BUILD_DIR ?= build-asan
SCRATCH := $(if $(wildcard /dev/shm),TMPDIR=/dev/shm)
# make report also prints each HTML report to PDF (--pdf) when Chromium is installed
# (scripts/bootstrap.sh pdf installs it); without it the reports are HTML and Excel as before.
CHROMIUM := $(shell command -v chromium || command -v chromium-browser || command -v google-chrome || \
	command -v google-chrome-stable)
PDF := $(if $(CHROMIUM),--pdf)

.PHONY: all setup build report test exempeldata format clean fuzz test-asan test-valgrind test-lager

all: build

setup:
	@scripts/bootstrap.sh

$(BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release

build: setup $(BUILD_DIR)/CMakeCache.txt
	cmake --build $(BUILD_DIR) -j $(JOBS)

exempeldata: build
	$(NAMND) exempeldata --ut $(EXEMPEL)/genererat

# The example kommun's month as a batch run (data/exempel/jobb.json): October 2025's reports and the
# August delårsrapport and avvikelser, to output/Exempelby kommun/Socialnämnden/<period>/, with
# the log in output/logg/ and the gallery output/index.html. The example kommun lives in November
# 2025 (--idag), so "senast_stangda" is October. A second make report skips what is unchanged.
report: exempeldata
	$(NAMND) kor --jobb $(EXEMPEL)/jobb.json --idag 2025-11-04 $(PDF)
	@echo "Rapporterna finns i output/; öppna output/index.html för en översikt med länkar."
	@$(if $(CHROMIUM),,echo "Ingen PDF: Chromium saknas (installera med scripts/bootstrap.sh pdf).")

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The engine tests (tests/engines) with real servers: PostgreSQL 15 and two ClickHouse shards on
# loopback, started for the run and stopped after it (scripts/db-servers.sh; installs them if
# missing). Without servers, make test skips these tests with a message.
test-lager: build
	scripts/db-servers.sh run sh -c 'cd $(BUILD_DIR) && ctest --output-on-failure -L engines'

fuzz:
	@scripts/bootstrap.sh fuzz
	cmake -S . -B $(FUZZ_BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
		-DNAMND_FUZZ=ON -DFUZZ_SECONDS=$(FUZZ_SECONDS)
	cmake --build $(FUZZ_BUILD_DIR) --target namnd_fuzzers -j $(JOBS)
	cd $(FUZZ_BUILD_DIR) && $(SCRATCH) ctest --output-on-failure -L fuzz -j $(JOBS)

test-asan: setup
	cmake -S . -B $(ASAN_BUILD_DIR) -DCMAKE_BUILD_TYPE=Release -DNAMND_SANITIZE=ON
	cmake --build $(ASAN_BUILD_DIR) -j $(JOBS)
	cd $(ASAN_BUILD_DIR) && ctest --output-on-failure -j $(JOBS) -LE clients

# The example kommun's whole run (every report, from an empty store) under valgrind memcheck.
test-valgrind: build
	@scripts/bootstrap.sh valgrind
	scripts/valgrind-example.sh $(NAMND)

format:
	find generator tests -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR)
