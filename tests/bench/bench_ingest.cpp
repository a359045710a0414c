// Ingest benchmark: rows/s, MB/s and peak memory of the huvudbok readers (CSV, XLSX, SIE) on
// generated files of N rows. A tool, not a test: timings are printed, never asserted (CI shares
// two loaded cores). What it does check is that every format gives the same cube.
//
//   namnd_bench_ingest --rader 1000000 --ut /tmp/bench [--upprepningar 3] [--format csv,xlsx,sie]
//                      [--tsv resultat.tsv] [--bara-generera] [--korning --mallar MAPP]
//
// Each format is measured in a child process of its own, so that its peak RSS (VmHWM) is its
// own and not the generator's or another format's.

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "bench_args.hpp"
#include "core/cube.hpp"
#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "generate_ledger.hpp"
#include "ingest/ledger_reader.hpp"
#include "ingest/sie/sie_reader.hpp"
#include "ingest/source_file.hpp"
#include "ingest/table/csv_source.hpp"
#include "ingest/table/open_source.hpp"

namespace namnd::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::string_view kUsage =
    "Användning: namnd_bench_ingest --rader N --ut KATALOG [--upprepningar K]\n"
    "                               [--format csv,xlsx,sie] [--tsv FIL] [--bara-generera]\n"
    "                               [--korning --mallar MAPP]\n"
    "Genererar en huvudbok med N rader i varje format (om filen inte redan finns), läser den K\n"
    "gånger (standard 3) per format i en egen process och skriver rader/s, MB/s och topp-RSS.\n"
    "--tsv FIL lägger till en rad per format i FIL; --bara-generera skapar bara filerna.\n"
    "--korning skriver också KATALOG/korning-N/ med org, kontoplan, budget, hr, avvikelser,\n"
    "facit (Σ öre per ansvar, rad och period) och namnd.json för en körning av namnd;\n"
    "--mallar MAPP är mallmappen som namnd.json pekar på (standard: templates).\n";

struct Options {
  std::int64_t rows = 0;
  fs::path dir;
  int repetitions = 3;
  std::vector<LedgerFormat> formats{LedgerFormat::Csv, LedgerFormat::Xlsx, LedgerFormat::Sie};
  std::optional<fs::path> tsv;
  bool generateOnly = false;
  bool writeRun = false;
  fs::path templates = "templates";
};

using bench::positiveNumber;
using bench::UsageError;

Options parseOptions(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--hjalp" || flag == "--help") throw UsageError{};
    if (flag == "--bara-generera") {
      options.generateOnly = true;
      continue;
    }
    if (flag == "--korning") {
      options.writeRun = true;
      continue;
    }
    if (i + 1 >= argc) throw UsageError{flag + " saknar värde"};
    const std::string value = argv[++i];
    if (flag == "--rader") {
      options.rows = positiveNumber(flag, value);
    } else if (flag == "--ut") {
      options.dir = value;
    } else if (flag == "--upprepningar") {
      options.repetitions =
          static_cast<int>(std::min<std::int64_t>(positiveNumber(flag, value), 1000));
    } else if (flag == "--mallar") {
      options.templates = value;
    } else if (flag == "--tsv") {
      options.tsv = value;
    } else if (flag == "--format") {
      options.formats.clear();
      std::size_t start = 0;
      while (start <= value.size()) {
        const std::size_t comma = std::min(value.find(',', start), value.size());
        const std::string name = value.substr(start, comma - start);
        const auto format = parseLedgerFormat(name);
        if (!format) throw UsageError{"okänt format \"" + name + "\" (csv, xlsx eller sie)"};
        if (std::find(options.formats.begin(), options.formats.end(), *format) ==
            options.formats.end())
          options.formats.push_back(*format);
        start = comma + 1;
      }
    } else {
      throw UsageError{"okänd flagga " + flag};
    }
  }
  if (options.rows == 0) throw UsageError{"--rader saknas"};
  if (options.dir.empty()) throw UsageError{"--ut saknas"};
  return options;
}

// What one format's child process measured; plain data, sent back through a pipe.
struct Measurement {
  bool ok = false;
  double medianSeconds = 0;
  double minSeconds = 0;
  double maxSeconds = 0;
  std::int64_t rowsRead = 0;
  std::int64_t rowsAccepted = 0;
  std::int64_t rejected = 0;
  std::int64_t totalOre = 0;
  std::int64_t cells = 0;
  std::uint64_t fingerprint = 0;
  std::int64_t startRssKb = 0;
  std::int64_t peakRssKb = 0;
  char error[768] = {};
};

struct Ingested {
  std::int64_t rowsRead = 0;
  std::int64_t rowsAccepted = 0;
  std::int64_t rejected = 0;
  std::string firstRejection;
  Cube cube;
};

// Exactly what an import does after hashing: open the source, read it into the file's cube.
Ingested ingest(LedgerFormat format, const fs::path& path) {
  Ingested result;
  const std::string name = path.filename().string();
  const ImportSummary* summary = nullptr;
  std::optional<LedgerImport> ledger;
  std::optional<SieImport> sie;
  if (format == LedgerFormat::Sie) {
    sie = readSie(SourceFile{path, name, "", {}}, generatedSieDimensions());
    summary = &sie->ledger;
    result.cube = std::move(sie->utfall);
  } else {
    InputFile input;
    input.path = path;
    input.displayName = name;
    input.format = std::string(formatName(format));
    ledger = readLedger(*openTabularSource(input), "");
    summary = &ledger->summary;
    result.cube = std::move(ledger->cube);
  }
  result.rowsRead = summary->rowsRead;
  result.rowsAccepted = summary->rowsAccepted;
  result.rejected = static_cast<std::int64_t>(summary->rejected.size());
  if (!summary->rejected.empty()) {
    const RejectedRow& first = summary->rejected.front();
    result.firstRejection = first.where.file + " rad " + std::to_string(first.where.line) + " (" +
                            first.where.column + "): " + first.reason;
  }
  return result;
}

// FNV-1a over the cube's cells in their stable order: equal fingerprints, equal cubes.
std::uint64_t fingerprint(const Cube& cube) {
  std::uint64_t h = 1469598103934665603ULL;
  const auto mix = [&](std::string_view text) {
    for (const char c : text) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
    h ^= 0x1F;
    h *= 1099511628211ULL;
  };
  cube.forEachSorted([&](const CubeCell& cell) {
    mix(cell.ansvar);
    mix(cell.konto);
    mix(cell.verksamhet);
    mix(cell.projekt);
    mix(std::to_string(cell.period.code()));
    mix(std::to_string(cell.ore));
  });
  return h;
}

// "VmHWM:    123456 kB" → 123456; 0 when /proc is not there.
std::int64_t procStatusKb(std::string_view field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.starts_with(field) && line.size() > field.size() && line[field.size()] == ':')
      return std::atoll(line.c_str() + field.size() + 1);
  return 0;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

Measurement measure(LedgerFormat format, const fs::path& path, int repetitions) {
  Measurement m;
  // Peak RSS from here on: what the fork inherited is the parent's, not this format's.
  { std::ofstream("/proc/self/clear_refs") << "5"; }
  m.startRssKb = procStatusKb("VmRSS");
  try {
    std::vector<double> seconds;
    std::optional<Ingested> last;
    for (int i = 0; i < repetitions; ++i) {
      last.reset();  // one cube alive at a time
      const Clock::time_point start = Clock::now();
      last = ingest(format, path);
      seconds.push_back(secondsSince(start));
    }
    m.medianSeconds = median(seconds);
    m.minSeconds = *std::min_element(seconds.begin(), seconds.end());
    m.maxSeconds = *std::max_element(seconds.begin(), seconds.end());
    m.rowsRead = last->rowsRead;
    m.rowsAccepted = last->rowsAccepted;
    m.rejected = last->rejected;
    m.totalOre = last->cube.total(Measure::Utfall);
    m.cells = static_cast<std::int64_t>(last->cube.cellCount());
    m.fingerprint = fingerprint(last->cube);
    m.peakRssKb = procStatusKb("VmHWM");
    if (!last->firstRejection.empty())
      std::snprintf(m.error, sizeof m.error, "första avvisade raden: %s",
                    last->firstRejection.c_str());
    m.ok = true;
  } catch (const std::exception& e) {
    std::snprintf(m.error, sizeof m.error, "%s", e.what());
  }
  return m;
}

// Runs measure() in a child process, so that the peak RSS belongs to this format alone.
Measurement measureInChild(LedgerFormat format, const fs::path& path, int repetitions) {
  int fds[2];
  if (::pipe(fds) != 0) return measure(format, path, repetitions);
  std::cout.flush();
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return measure(format, path, repetitions);
  }
  if (pid == 0) {
    ::close(fds[0]);
    const Measurement m = measure(format, path, repetitions);
    const char* bytes = reinterpret_cast<const char*>(&m);
    std::size_t sent = 0;
    while (sent < sizeof m) {
      const ssize_t n = ::write(fds[1], bytes + sent, sizeof m - sent);
      if (n <= 0) break;
      sent += static_cast<std::size_t>(n);
    }
    ::_exit(sent == sizeof m ? 0 : 1);
  }
  ::close(fds[1]);
  Measurement m;
  char* bytes = reinterpret_cast<char*>(&m);
  std::size_t got = 0;
  while (got < sizeof m) {
    const ssize_t n = ::read(fds[0], bytes + got, sizeof m - got);
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (got != sizeof m) {
    m = Measurement{};
    std::snprintf(m.error, sizeof m.error, "mätprocessen avbröts (status %d)", status);
  }
  return m;
}

// The floor for any CSV reader: one pass that only finds the line ends (what wc -l does), in
// the reader's block size.
struct Floor {
  double seconds = 0;
  std::int64_t lines = 0;
};

Floor lineCountFloor(const fs::path& path, int repetitions) {
  std::vector<double> seconds;
  std::vector<char> block(kCsvBlockBytes);
  std::int64_t lines = 0;
  for (int i = 0; i < repetitions; ++i) {
    const Clock::time_point start = Clock::now();
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) throw InputError({path.string(), 0, ""}, "filen kan inte öppnas");
    lines = 0;
    std::size_t got = 0;
    while ((got = std::fread(block.data(), 1, block.size(), file)) > 0) {
      const char* p = block.data();
      const char* end = p + got;
      while ((p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr) {
        ++lines;
        ++p;
      }
    }
    std::fclose(file);
    seconds.push_back(secondsSince(start));
  }
  return {median(seconds), lines};
}

// Per second, or 0 for a time too short to measure.
double rate(double amount, double seconds) { return seconds > 0 ? amount / seconds : 0; }

std::string decimal(double value, int decimals) { return formatDecimal(value, decimals, " "); }
std::string integer(std::int64_t value) { return formatInteger(value, " "); }
std::string mb(double bytes) { return decimal(bytes / 1e6, 1); }

std::string pad(const std::string& text, std::size_t width) {
  // Width in characters, not bytes: count UTF-8 lead bytes only.
  std::size_t chars = 0;
  for (const char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return chars >= width ? text : std::string(width - chars, ' ') + text;
}

struct FormatResult {
  LedgerFormat format;
  GeneratedLedger file;
  Measurement m;
};

void printTable(const std::vector<FormatResult>& results, std::int64_t rows) {
  const std::vector<std::pair<std::string, std::size_t>> columns = {
      {"format", 6},       {"fil MB", 8},     {"rader", 11},   {"median s", 9},
      {"min s", 8},        {"max s", 8},      {"rader/s", 11}, {"MB/s", 7},
      {"topp-RSS MB", 12}, {"kubceller", 10}, {"Σ öre", 18}};
  std::string line;
  for (const auto& [title, width] : columns) line += pad(title, width) + " ";
  std::cout << line << "\n";
  for (const FormatResult& r : results) {
    const Measurement& m = r.m;
    line = pad(std::string(formatName(r.format)), 6) + " " +
           pad(mb(static_cast<double>(r.file.bytes)), 8) + " " + pad(integer(rows), 11) + " ";
    if (!m.ok) {
      std::cout << line << "FEL: " << m.error << "\n";
      continue;
    }
    line +=
        pad(decimal(m.medianSeconds, 3), 9) + " " + pad(decimal(m.minSeconds, 3), 8) + " " +
        pad(decimal(m.maxSeconds, 3), 8) + " " +
        pad(integer(static_cast<std::int64_t>(rate(static_cast<double>(rows), m.medianSeconds))),
            11) +
        " " + pad(decimal(rate(static_cast<double>(r.file.bytes) / 1e6, m.medianSeconds), 1), 7) +
        " " + pad(decimal(static_cast<double>(m.peakRssKb) / 1024.0, 1), 12) + " " +
        pad(integer(m.cells), 10) + " " + pad(integer(m.totalOre), 18);
    std::cout << line << "\n";
  }
}

void appendTsv(const fs::path& path, const std::vector<FormatResult>& results, std::int64_t rows) {
  std::ofstream out(path, std::ios::app);
  for (const FormatResult& r : results) {
    if (!r.m.ok) continue;
    char buffer[512];
    std::snprintf(buffer, sizeof buffer,
                  "%s\t%lld\t%llu\t%.4f\t%.4f\t%.4f\t%lld\t%lld\t%lld\t%lld\t%016llx\n",
                  std::string(formatName(r.format)).c_str(), static_cast<long long>(rows),
                  static_cast<unsigned long long>(r.file.bytes), r.m.medianSeconds, r.m.minSeconds,
                  r.m.maxSeconds, static_cast<long long>(r.m.peakRssKb),
                  static_cast<long long>(r.m.startRssKb), static_cast<long long>(r.m.cells),
                  static_cast<long long>(r.m.totalOre),
                  static_cast<unsigned long long>(r.m.fingerprint));
    out << buffer;
  }
  if (!out.flush()) throw OutputError(path.string() + ": filen kunde inte skrivas");
}

// Every format must give the generator's rows and Σ, and the same cube as the others.
std::vector<std::string> checkResults(const std::vector<FormatResult>& results) {
  std::vector<std::string> problems;
  const FormatResult* reference = nullptr;
  for (const FormatResult& r : results) {
    const std::string name(formatName(r.format));
    const Measurement& m = r.m;
    if (!m.ok) {
      problems.push_back(name + ": " + m.error);
      continue;
    }
    if (m.rowsRead != r.file.rows || m.rowsAccepted != r.file.rows || m.rejected != 0)
      problems.push_back(name + ": " + integer(m.rowsAccepted) + " av " + integer(m.rowsRead) +
                         " lästa rader godtogs, " + integer(r.file.rows) + " skrevs" +
                         (m.error[0] ? std::string("; ") + m.error : std::string()));
    if (m.totalOre != r.file.totalOre)
      problems.push_back(name + ": kubens Σ " + integer(m.totalOre) +
                         " öre, men generatorn skrev Σ " + integer(r.file.totalOre) + " öre");
    if (!reference) {
      reference = &r;
      continue;
    }
    if (m.cells != reference->m.cells || m.fingerprint != reference->m.fingerprint)
      problems.push_back(name + ": kuben skiljer sig från " +
                         std::string(formatName(reference->format)) + "-kuben (" +
                         integer(m.cells) + " mot " + integer(reference->m.cells) + " celler)");
  }
  return problems;
}

int run(const Options& options) {
  std::vector<FormatResult> results;
  for (const LedgerFormat format : options.formats) {
    const Clock::time_point start = Clock::now();
    GeneratedLedger file = ensureLedger(format, options.rows, options.dir);
    std::cerr << (file.reused ? "Finns redan: " : "Genererad: ") << file.path.string() << " ("
              << mb(static_cast<double>(file.bytes)) << " MB"
              << (file.reused ? "" : ", " + decimal(secondsSince(start), 1) + " s") << ")\n";
    results.push_back({format, std::move(file), {}});
  }
  if (options.writeRun) {
    const Clock::time_point start = Clock::now();
    const GeneratedRun generated = ensureRun(options.rows, options.dir, options.templates);
    std::cerr << (generated.reused ? "Finns redan: " : "Genererad: ") << generated.dir.string()
              << " (budget " << integer(generated.budgetRows) << " rader, hr "
              << integer(generated.hrRows) << " rader, avvikelser "
              << integer(generated.avvikelseRows) << " rader, facit "
              << integer(generated.facitRows) << " rader"
              << (generated.reused ? "" : ", " + decimal(secondsSince(start), 1) + " s") << ")\n";
    std::cout << "korning\t" << generated.dir.string() << "\t" << generated.ledgerRows << "\t"
              << generated.ledgerOre << "\t" << generated.budgetOre << "\t" << generated.facitRows
              << "\n";
  }
  if (options.generateOnly) return 0;
  for (FormatResult& r : results) {
    std::cerr << "Mäter " << formatName(r.format) << " (" << options.repetitions
              << " upprepningar) …\n";
    r.m = measureInChild(r.format, r.file.path, options.repetitions);
  }

  std::cout << "\nInläsning av huvudbok, " << integer(options.rows) << " rader, "
            << (options.repetitions == 1
                    ? std::string("en upprepning")
                    : "median av " + std::to_string(options.repetitions) + " upprepningar")
            << " (varje format i en egen process):\n\n";
  printTable(results, options.rows);
  std::cout << "\ntopp-RSS = VmHWM i mätprocessen, nollställd när den startade (RSS då: ";
  for (std::size_t i = 0; i < results.size(); ++i)
    std::cout << (i ? ", " : "") << formatName(results[i].format) << " "
              << decimal(static_cast<double>(results[i].m.startRssKb) / 1024.0, 1) << " MB";
  std::cout << ").\n";

  for (const FormatResult& r : results) {
    if (r.format != LedgerFormat::Csv) continue;
    const Floor floor = lineCountFloor(r.file.path, options.repetitions);
    std::cout << "Golv för CSV (memchr-räkning av radslut som wc -l, " << integer(floor.lines)
              << " rader): " << decimal(floor.seconds, 3) << " s, "
              << decimal(rate(static_cast<double>(r.file.bytes) / 1e6, floor.seconds), 1)
              << " MB/s, "
              << integer(static_cast<std::int64_t>(
                     rate(static_cast<double>(options.rows), floor.seconds)))
              << " rader/s";
    if (r.m.ok && floor.seconds > 0)
      std::cout << "; inläsningen tar " << decimal(r.m.medianSeconds / floor.seconds, 1)
                << " gånger golvets tid";
    std::cout << ".\n";
  }
  std::cout << "SHA-256 av filen (importen hashar varje fil innan den läses, ingår inte ovan):";
  for (std::size_t i = 0; i < results.size(); ++i) {
    const Clock::time_point start = Clock::now();
    hashSourceFile(results[i].file.path, results[i].file.path.filename().string());
    std::cout << (i ? "," : "") << " " << formatName(results[i].format) << " "
              << decimal(secondsSince(start), 3) << " s";
  }
  std::cout << ".\n";

  if (options.tsv) appendTsv(*options.tsv, results, options.rows);

  const std::vector<std::string> problems = checkResults(results);
  if (!problems.empty()) {
    std::cout << "\nKONTROLLEN MISSLYCKADES:\n";
    for (const std::string& p : problems) std::cout << "  " << p << "\n";
    return 1;
  }
  std::cout << "\nKontroll: alla " << results.size() << " format gav " << integer(options.rows)
            << " godtagna rader och Σ " << formatOreAsKronor(results.front().m.totalOre, " ")
            << " kr (" << integer(results.front().m.totalOre)
            << " öre), lika med generatorns egen summa";
  if (results.size() > 1)
    std::cout << "; kuberna är identiska i alla format (" << integer(results.front().m.cells)
              << " celler, samma fingeravtryck)";
  std::cout << ".\n";
  return 0;
}

}  // namespace
}  // namespace namnd::bench

int main(int argc, char** argv) {
  using namespace namnd::bench;
  try {
    return run(parseOptions(argc, argv));
  } catch (const UsageError& e) {
    if (!e.message.empty()) std::cerr << "namnd_bench_ingest: " << e.message << "\n\n";
    std::cerr << kUsage;
    return e.message.empty() ? 0 : 2;
  } catch (const std::filesystem::filesystem_error& e) {
    std::cerr << "namnd_bench_ingest: filen " << e.path1().string()
              << " kan inte skrivas eller läsas (" << e.code().message() << ")\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "namnd_bench_ingest: " << e.what() << "\n";
    return 1;
  }
}
