#pragma once
// One run of the generator is described by one config file (data/exempel/namnd.json is the
// model). Paths in it are relative to the config file's folder.

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/periodisation.hpp"
#include "core/rounding.hpp"

namespace namnd {

// One input file as the config describes it: a path, or {"fil": path, …} with options.
struct InputFile {
  std::filesystem::path path;  // absolute
  std::string displayName;     // as the user wrote it in the config, for messages
  std::string format;          // "csv", "xlsx", "sie"; empty = decided by the file
  std::string sheet;           // "blad": the XLSX sheet; empty = the first
  // "kolumner": canonical column → this export's header ("belopp" → "Belopp SEK").
  std::vector<std::pair<std::string, std::string>> columns;
  // "periodisering" (budget): "linjar" or a key from "periodiseringsnycklar".
  PeriodisationKey periodisation;
  // "sie": {"ansvar": 1, "verksamhet": 0, "projekt": 6}: which SIE dimension fills which code.
  std::map<std::string, int> sieDimensions;
};

struct RunConfig {
  std::filesystem::path configPath;  // absolute
  std::string kommun;
  std::string namnd;
  std::string forvaltning;
  std::string forfattare;

  std::string storeUri;  // "sqlite:<absolute path>"
  std::filesystem::path outputDir;
  std::filesystem::path templatesDir;
  RoundingMode rounding = RoundingMode::PerCell;

  InputFile org;
  std::vector<std::string> levelNames;  // level 1 first: Nämnd, Verksamhetsområde, Enhet, Ansvar
  int reportLevel = 2;                  // the månadsrapport table's rows
  InputFile kontoplan;

  std::vector<InputFile> huvudbok;
  std::vector<InputFile> budget;
  std::vector<InputFile> prognos;

  // Which prognosis snapshot the månadsrapport shows: "senaste" (latest at or before the
  // period) or "delar" (the August snapshot of the year, "prognos satt i delåret").
  std::string manadsrapportPrognos = "senaste";
};

// Reads and validates the config. Throws ConfigError with a Swedish message naming the file and
// the key for anything missing, mistyped or pointing at a file that does not exist.
RunConfig loadRunConfig(const std::filesystem::path& configFile);

}  // namespace namnd
