// Store benchmark: how fast a store (the embedded SQLite one, or with --lager a PostgreSQL or
// ClickHouse server, issue 10) saves and loads cubes. A tool, not a test:
// timings are printed, never asserted (CI shares two loaded cores). What it does check is that
// every cube comes back from the store with the cells and Σ öre it was saved with.
//
//   namnd_bench_store --celler 150000,1500000 --ut /tmp/bench-store [--upprepningar 3]
//                     [--lager postgresql:…|clickhouse:…]
//   namnd_bench_store --las URI --lagerdel SCOPE --ar ÅÅÅÅ [--upprepningar 3]
//
// For each N it times, on generated cubes of N cells shaped like a year's ledger (Kommun-Bas
// konton × ansvar × twelve months, a verksamhet per ansvar, projekt on a few):
//   spara   saveCubeImport of the huvudbok cube into a new store file,
//   ersätt  saveCubeImport of the same source path with another hash (the old cells go),
//   läs     loadCube of the whole year from a store holding the huvudbok and the budget
//           (2·N stored cells in two imports),
// and, as the floors no store can beat: for saving, one Cube::forEachSorted pass over the N
// cells (the store's only way to read a cube); for loading, Cube::add of the 2·N cells from
// memory into a new cube (every loaded cell goes through add).
//
// With --las it only reads: the year's cube of an existing store (what `namnd import` wrote, see
// run_engines.sh), printing one line "median seconds, cells, Σ öre" for the script to compare.

#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bench_args.hpp"
#include "core/cube.hpp"
#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "store/store.hpp"

namespace namnd::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::string_view kUsage =
    "Användning: namnd_bench_store --celler N[,N …] --ut KATALOG [--upprepningar K]\n"
    "                         [--lager URI]\n"
    "Bygger kuber med N celler (huvudbok och budget), sparar dem i ett SQLite-lager i KATALOG\n"
    "(eller i lagret URI, postgresql:… eller clickhouse:…, en ny lagerdel per upprepning)\n"
    "och läser tillbaka året, K gånger (standard 3), och skriver sekunder och celler/s.\n"
    "Med --las URI --lagerdel DEL --ar ÅÅÅÅ läses bara årets kub ur ett befintligt lager,\n"
    "K gånger, och en rad skrivs: mediansekunder, celler och Σ öre.\n";

struct Options {
  std::vector<std::int64_t> cells;
  fs::path dir;
  int repetitions = 3;
  std::string serverUri;  // empty: a SQLite file in `dir`
  std::string readUri;    // --las: only read the year's cube of this store
  std::string readScope;
  int readYear = 0;
};

using bench::positiveNumber;
using bench::UsageError;

Options parseOptions(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--hjalp" || flag == "--help") throw UsageError{};
    if (i + 1 >= argc) throw UsageError{flag + " saknar värde"};
    const std::string value = argv[++i];
    if (flag == "--celler") {
      std::size_t start = 0;
      while (start <= value.size()) {
        const std::size_t comma = std::min(value.find(',', start), value.size());
        options.cells.push_back(positiveNumber(flag, value.substr(start, comma - start)));
        start = comma + 1;
      }
    } else if (flag == "--ut") {
      options.dir = value;
    } else if (flag == "--lager") {
      options.serverUri = value;
    } else if (flag == "--las") {
      options.readUri = value;
    } else if (flag == "--lagerdel") {
      options.readScope = value;
    } else if (flag == "--ar") {
      options.readYear = static_cast<int>(positiveNumber(flag, value));
    } else if (flag == "--upprepningar") {
      options.repetitions =
          static_cast<int>(std::min<std::int64_t>(positiveNumber(flag, value), 1000));
    } else {
      throw UsageError{"okänd flagga " + flag};
    }
  }
  if (!options.readUri.empty()) {
    if (options.readYear == 0) throw UsageError{"--ar saknas"};
    return options;
  }
  if (options.cells.empty()) throw UsageError{"--celler saknas"};
  if (options.dir.empty()) throw UsageError{"--ut saknas"};
  return options;
}

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A cube of exactly `cells` distinct cells and the Σ öre the generator added into it.
struct GeneratedCube {
  Cube cube;
  std::int64_t totalOre = 0;
};

// Cell i is month i mod 12 of konto (i / 12) mod 35 on ansvar i / 420: distinct keys for every
// i. Amounts from −20 000 kr to 180 000 kr, so that about one cell in ten is negative.
GeneratedCube generateCube(std::int64_t cells, Measure measure, std::uint64_t seed) {
  static constexpr std::string_view kKonton[] = {
      "3010", "3110", "3410", "3510", "4010", "4110", "4520", "4560", "4610",
      "5010", "5011", "5110", "5210", "5410", "5510", "5610", "6110", "6210",
      "6310", "6410", "6510", "6610", "6810", "7010", "7110", "7310", "7410",
      "7510", "7610", "7710", "7810", "7910", "7940", "8410", "8510"};
  constexpr std::int64_t kKontoCount = std::size(kKonton);
  GeneratedCube result;
  for (std::int64_t i = 0; i < cells; ++i) {
    const int month = static_cast<int>(i % 12) + 1;
    const std::int64_t konto = (i / 12) % kKontoCount;
    const std::int64_t ansvar = i / (12 * kKontoCount);
    const std::string verksamhet = std::to_string(500 + ansvar % 60);
    // About one ansvar in twelve books its first three konton on a project.
    char projekt[8] = "";
    if (ansvar % 12 == 5 && konto < 3)
      std::snprintf(projekt, sizeof projekt, "P%d", static_cast<int>(100 + ansvar % 40));
    const std::int64_t ore =
        static_cast<std::int64_t>(splitmix64(seed + static_cast<std::uint64_t>(i)) % 20'000'000) -
        2'000'000;
    result.cube.add(std::to_string(10'000 + ansvar), kKonton[konto], verksamhet, projekt,
                    Period(2025, month), measure, ore);
    result.totalOre += ore;
  }
  return result;
}

struct OwnedCell {
  std::string ansvar, konto, verksamhet, projekt;
  Period period;
  Measure measure;
  std::int64_t ore;
};

ImportSummary importOf(SourceKind kind, const std::string& path, const std::string& hash,
                       std::int64_t cells) {
  ImportSummary summary;
  summary.kind = kind;
  summary.sourcePath = path;
  summary.fileHash = hash;
  summary.rowsRead = cells;
  summary.rowsAccepted = cells;
  return summary;
}

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

void removeStore(const fs::path& file) {
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(file.string() + suffix);
}

std::string decimal(double value, int decimals) { return formatDecimal(value, decimals, " "); }
std::string integer(std::int64_t value) { return formatInteger(value, " "); }

std::string pad(const std::string& text, std::size_t width) {
  std::size_t chars = 0;
  for (const char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return chars >= width ? text : std::string(width - chars, ' ') + text;
}

struct Timing {
  std::string step;
  std::int64_t cells = 0;
  std::vector<double> seconds;
  std::vector<double> cpuSeconds;
};

Timing timing(std::string step, std::int64_t cells) {
  Timing t;
  t.step = std::move(step);
  t.cells = cells;
  return t;
}

// Wall time and this process's CPU time: on a machine shared with other builds the CPU time
// shows what the store costs, the wall time what a user waits (fsync included).
class Stopwatch {
 public:
  Stopwatch() : wall_(Clock::now()), cpu_(cpuNow()) {}
  void stopInto(Timing& timing) const {
    timing.seconds.push_back(secondsSince(wall_));
    timing.cpuSeconds.push_back(cpuNow() - cpu_);
  }

 private:
  static double cpuNow() {
    timespec now{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
  }
  Clock::time_point wall_;
  double cpu_;
};

void printRow(const Timing& t) {
  const double m = median(t.seconds);
  const double lo = *std::min_element(t.seconds.begin(), t.seconds.end());
  const double hi = *std::max_element(t.seconds.begin(), t.seconds.end());
  std::cout << pad(t.step, 10) << " " << pad(integer(t.cells), 11) << " " << pad(decimal(m, 3), 9)
            << " " << pad(decimal(lo, 3), 8) << " " << pad(decimal(hi, 3), 8) << " "
            << pad(integer(m > 0 ? static_cast<std::int64_t>(static_cast<double>(t.cells) / m) : 0),
                   12)
            << " " << pad(decimal(median(t.cpuSeconds), 3), 8) << "\n";
}

// Times save, replace and load for cubes of `cells` cells; returns what did not add up.
std::vector<std::string> measureSize(std::int64_t cells, const Options& options) {
  std::vector<std::string> problems;
  const GeneratedCube ledger = generateCube(cells, Measure::Utfall, 1);
  const GeneratedCube budget = generateCube(cells, Measure::Budget, 2);
  const fs::path file = options.dir / ("lager-" + std::to_string(cells) + ".sqlite");

  Timing saveFloor = timing("golv spara", cells), save = timing("spara", cells),
         replace = timing("ersätt", cells), loadFloor = timing("golv läs", 2 * cells),
         load = timing("läs", 2 * cells);
  // The cells of both cubes with their codes copied out, as a load would find them.
  std::vector<OwnedCell> allCells;
  allCells.reserve(static_cast<std::size_t>(2 * cells));
  for (const Cube* cube : {&ledger.cube, &budget.cube})
    cube->forEachSorted([&](const CubeCell& c) {
      allCells.push_back({std::string(c.ansvar), std::string(c.konto), std::string(c.verksamhet),
                          std::string(c.projekt), c.period, c.measure, c.ore});
    });
  std::uintmax_t storeBytes = 0;
  for (int rep = 0; rep < options.repetitions; ++rep) {
    {
      std::int64_t visited = 0;
      const Stopwatch watch;
      ledger.cube.forEachSorted([&](const CubeCell&) { ++visited; });
      watch.stopInto(saveFloor);
    }
    {
      const Stopwatch watch;
      Cube both;
      for (const OwnedCell& c : allCells)
        both.add(c.ansvar, c.konto, c.verksamhet, c.projekt, c.period, c.measure, c.ore);
      watch.stopInto(loadFloor);
    }
    removeStore(file);
    // On a server each repetition writes a scope of its own, as a new store file would be.
    const std::string scope = "bench-" + std::to_string(::getpid()) + "-" + std::to_string(cells) +
                              "-" + std::to_string(rep);
    const auto openTarget = [&] {
      return options.serverUri.empty() ? openSqliteStore(file.string())
                                       : openStore(options.serverUri, scope);
    };
    auto store = openTarget();
    {
      const Stopwatch watch;
      store->saveCubeImport(importOf(SourceKind::Huvudbok, "huvudbok.csv", "h1", cells),
                            ledger.cube, {});
      watch.stopInto(save);
    }
    {
      const Stopwatch watch;
      store->saveCubeImport(importOf(SourceKind::Huvudbok, "huvudbok.csv", "h2", cells),
                            ledger.cube, {});
      watch.stopInto(replace);
    }

    store->saveCubeImport(importOf(SourceKind::Budget, "budget.csv", "b1", cells), budget.cube, {});
    store.reset();
    // A report run opens the store anew: time the open as part of the load.
    const Stopwatch watch;
    const Cube loaded = openTarget()->loadCube(PeriodRange::wholeYear(2025));
    watch.stopInto(load);

    if (loaded.cellCount() != static_cast<std::size_t>(2 * cells))
      problems.push_back(integer(cells) + " celler: läste " +
                         integer(static_cast<std::int64_t>(loaded.cellCount())) +
                         " celler ur lagret, väntade " + integer(2 * cells));
    if (loaded.total(Measure::Utfall) != ledger.totalOre ||
        loaded.total(Measure::Budget) != budget.totalOre)
      problems.push_back(integer(cells) + " celler: Σ öre ur lagret (utfall " +
                         integer(loaded.total(Measure::Utfall)) + ", budget " +
                         integer(loaded.total(Measure::Budget)) +
                         ") skiljer sig från generatorns (" + integer(ledger.totalOre) + ", " +
                         integer(budget.totalOre) + ")");
    if (options.serverUri.empty()) storeBytes = fs::file_size(file);
  }
  for (const Timing* t : {&saveFloor, &save, &replace, &loadFloor, &load}) printRow(*t);
  if (options.serverUri.empty())
    std::cout << "    lagrets storlek med " << integer(2 * cells)
              << " celler: " << decimal(static_cast<double>(storeBytes) / 1e6, 1) << " MB\n";
  removeStore(file);
  return problems;
}

// --las: the year's cube of an existing store, timed from the open (a report run opens anew).
int readOnly(const Options& options) {
  Timing load = timing("läs", 0);
  Cube loaded;
  for (int rep = 0; rep < options.repetitions; ++rep) {
    const Stopwatch watch;
    loaded = openStore(options.readUri, options.readScope)
                 ->loadCube(PeriodRange::wholeYear(options.readYear));
    watch.stopInto(load);
  }
  std::int64_t total = 0;
  loaded.forEachUnordered([&](const CubeCell& cell) { total += cell.ore; });
  std::cout << decimal(median(load.seconds), 3) << " " << loaded.cellCount() << " " << total
            << "\n";
  return 0;
}

int run(const Options& options) {
  if (!options.readUri.empty()) return readOnly(options);
  fs::create_directories(options.dir);
  if (!options.serverUri.empty()) changeStoreSchema(options.serverUri, SchemaAction::Init);
  const std::string engine =
      options.serverUri.empty()
          ? std::string("SQLite-lagret")
          : "Lagret " + options.serverUri.substr(0, options.serverUri.find(':'));
  std::cout << engine << ", median av " << options.repetitions
            << " upprepningar (golv spara = en Cube::forEachSorted över\n"
            << "kuben, golv läs = Cube::add av alla celler ur minnet; cpu s = processens CPU-tid, "
               "median):\n\n"
            << pad("steg", 10) << " " << pad("celler", 11) << " " << pad("median s", 9) << " "
            << pad("min s", 8) << " " << pad("max s", 8) << " " << pad("celler/s", 12) << " "
            << pad("cpu s", 8) << "\n";
  std::vector<std::string> problems;
  for (const std::int64_t cells : options.cells) {
    const auto found = measureSize(cells, options);
    problems.insert(problems.end(), found.begin(), found.end());
  }
  if (problems.empty()) {
    std::cout << "\nKontroll: varje kub kom tillbaka ur lagret med sina celler och sin Σ öre.\n";
    return 0;
  }
  std::cout << "\nKontrollen misslyckades:\n";
  for (const std::string& problem : problems) std::cout << "  " << problem << "\n";
  return 1;
}

}  // namespace
}  // namespace namnd::bench

int main(int argc, char** argv) {
  try {
    return namnd::bench::run(namnd::bench::parseOptions(argc, argv));
  } catch (const namnd::bench::UsageError& e) {
    if (!e.message.empty()) std::cerr << "namnd_bench_store: " << e.message << "\n";
    std::cerr << namnd::bench::kUsage;
    return e.message.empty() ? 0 : 2;
  } catch (const std::exception& e) {
    std::cerr << "namnd_bench_store: " << e.what() << "\n";
    return 1;
  }
}
