#include "core/publication_policy.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "core/errors.hpp"
#include "core/run_config.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;

bool blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// The config's inputs the column is read from (the part of the id before the dot).
std::vector<const InputFile*> sourceFiles(const RunConfig& config, std::string_view columnId) {
  const std::string_view source = columnId.substr(0, columnId.find('.'));
  std::vector<const InputFile*> files;
  const auto addAll = [&](const std::vector<InputFile>& inputs) {
    for (const InputFile& input : inputs) files.push_back(&input);
  };
  if (source == "huvudbok") addAll(config.huvudbok);
  if (source == "prognos") addAll(config.prognos);
  if (source == "investeringar" && config.delarsrapport.investeringar)
    files.push_back(&*config.delarsrapport.investeringar);
  if (source == "budgetram" && config.delarsrapport.budgetram)
    files.push_back(&*config.delarsrapport.budgetram);
  return files;
}

bool fileHolds(const fs::path& file, std::string_view text) {
  std::error_code error;
  if (!fs::is_regular_file(file, error)) return false;
  std::ifstream in(file, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return bytes.find(text) != std::string::npos;
}

// "genererat/huvudbok-2025.csv": of several inputs, the ones whose bytes hold the text (the
// message is written only when the run stops, so reading them then costs nothing that matters);
// all of them when none does (a workbook is compressed, an export may not be UTF-8).
std::string fileNames(const RunConfig& config, std::string_view columnId, std::string_view text) {
  const std::vector<const InputFile*> files = sourceFiles(config, columnId);
  std::vector<const InputFile*> holding;
  if (files.size() > 1)
    for (const InputFile* file : files)
      if (fileHolds(file->path, text)) holding.push_back(file);
  std::string names;
  for (const InputFile* file : holding.empty() ? files : holding)
    names += (names.empty() ? "" : ", ") + file->displayName;
  return names;
}

}  // namespace

const std::vector<PublicationColumn>& publicationCatalogue() {
  using enum Publication;
  static const std::vector<PublicationColumn> kCatalogue = {
      {"huvudbok.text", "text", "huvudboken", Declared},
      {"huvudbok.motpart", "motpart", "huvudboken", Declared},
      {"huvudbok.vernr", "vernr", "huvudboken", Declared},
      {"prognos.kommentar", "kommentar", "prognosen", Declared},
      {"prognos.atgard", "atgard", "prognosen", Declared},
      {"investeringar.kommentar", "kommentar", "investeringsfilen", Declared},
      {"budgetram.kommentar", "kommentar", "budgetramsfilen", Declared},
      {"org.namn", "namn", "organisationsfilen", ByContract},
      {"kontoplan.namn", "namn", "kontoplanen", ByContract},
      {"kommentarer.text", "text", "kommentarsfilen", ByContract},
      {"investeringar.namn", "namn", "investeringsfilen", ByContract},
      {"investeringar.grupp", "grupp", "investeringsfilen", ByContract},
      {"budgetram.omrade", "omrade", "budgetramsfilen", ByContract},
      {"mal.malomrade", "malomrade", "målfilen", ByContract},
      {"mal.vision", "vision", "målfilen", ByContract},
      {"mal.mal", "mal", "målfilen", ByContract},
      {"mal.matetal", "matetal", "målfilen", ByContract},
      {"mal.status", "status", "målfilen", ByContract},
      {"mal.fotnotstext", "fotnotstext", "målfilen", ByContract},
      {"verksamhetsmatt.matetal", "matetal", "verksamhetsmåttfilen", ByContract},
      {"verksamhetsmatt.fotnotstext", "fotnotstext", "verksamhetsmåttfilen", ByContract},
  };
  return kCatalogue;
}

const PublicationColumn* findPublicationColumn(std::string_view id) {
  const auto& catalogue = publicationCatalogue();
  const auto found = std::find_if(catalogue.begin(), catalogue.end(),
                                  [&](const PublicationColumn& c) { return c.id == id; });
  return found == catalogue.end() ? nullptr : &*found;
}

std::string publicationColumnIds() {
  std::string ids;
  for (const PublicationColumn& column : publicationCatalogue())
    ids += (ids.empty() ? "" : ", ") + std::string(column.id);
  return ids;
}

void requirePublishable(const RunConfig& config, std::string_view columnId, std::string_view text,
                        std::string_view section) {
  const PublicationColumn* column = findPublicationColumn(columnId);
  if (!column)
    throw std::logic_error("requirePublishable: " + std::string(columnId) +
                           " saknas i publicationCatalogue");
  if (column->publication == Publication::ByContract || blank(text)) return;
  const auto& declared = config.publishableColumns;
  if (std::find(declared.begin(), declared.end(), columnId) != declared.end()) return;
  const std::string files = fileNames(config, columnId, text);
  throw ConfigError("Rapporten skulle visa kolumnen " + std::string(column->column) + " ur " +
                    std::string(column->source) + (files.empty() ? "" : " (" + files + ")") +
                    " i avsnittet \"" + std::string(section) +
                    "\", men kolumnen är inte deklarerad som publicerbar. Lägg till \"" +
                    std::string(columnId) + "\" i \"publicerbara_kolumner\" i " +
                    config.configPath.filename().string() +
                    " om texten får publiceras, eller stäng av avsnittet.");
}

}  // namespace namnd
