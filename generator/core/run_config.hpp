#pragma once
// One run of the generator is described by one config file (data/exempel/namnd.json is the
// model). Paths in it are relative to the config file's folder.

#include <filesystem>
#include <string>
#include <vector>

#include "core/rounding.hpp"

namespace namnd {

enum class Periodisation { Linear };  // helår rows → twelfths; monthly rows are taken as given

struct InputFile {
  std::filesystem::path path;  // absolute
  std::string displayName;     // as the user wrote it in the config, for messages
  Periodisation periodisation = Periodisation::Linear;
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
