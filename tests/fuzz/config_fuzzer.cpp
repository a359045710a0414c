// The config loader (core/run_config): JSON parsing and every key's validation. loadRunConfig
// takes a path, so the input is written as data/exempel/namnd.json inside a scratch copy of the
// example's layout (empty files with the example's names, a templates folder), so that a config
// like the example's gets past the existence checks into the later blocks.

#include <cstdint>
#include <string>

#include "core/run_config.hpp"
#include "fuzz_support.hpp"

namespace {

void prepareLayout() {
  static bool prepared = false;
  if (prepared) return;
  prepared = true;
  for (const char* name : {"data/exempel/org.csv",
                           "data/exempel/kommentarer-2025.md",
                           "data/kommunbas/kontoplan.csv",
                           "data/exempel/genererat/avvikelser-hsl.csv",
                           "data/exempel/genererat/avvikelser-sol-lss.xlsx",
                           "data/exempel/genererat/budget-2024.csv",
                           "data/exempel/genererat/budget-2025-personal.csv",
                           "data/exempel/genererat/budget-2025.csv",
                           "data/exempel/genererat/budgetram-2025.csv",
                           "data/exempel/genererat/budgetrevision-2025.csv",
                           "data/exempel/genererat/hr-2025.csv",
                           "data/exempel/genererat/huvudbok-2024.csv",
                           "data/exempel/genererat/huvudbok-2024.se",
                           "data/exempel/genererat/huvudbok-2025.csv",
                           "data/exempel/genererat/investeringar-2025.csv",
                           "data/exempel/genererat/mal-2025.csv",
                           "data/exempel/genererat/prognos-2025.csv",
                           "data/exempel/genererat/prognos-2025.xlsx",
                           "data/exempel/genererat/prognos-kostnadsslag-2025.csv",
                           "data/exempel/genererat/volymer-2025.csv",
                           "data/exempel/genererat/verksamhetsmatt-2025.csv",
                           "templates/html/document.mustache"})
    namnd::fuzz::writeScratchFile(name, "");
  std::filesystem::create_directories(namnd::fuzz::scratchDir() / "data/exempel/underlag");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 64 * 1024) return 0;
  prepareLayout();
  const auto file =
      namnd::fuzz::writeScratchFile("data/exempel/namnd.json", namnd::fuzz::asText(data, size));
  namnd::fuzz::expectTypedErrors("config_fuzzer", [&] { (void)namnd::loadRunConfig(file); });
  return 0;
}
