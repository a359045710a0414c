#include "core/publication_policy.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/errors.hpp"
#include "core/run_config.hpp"

namespace namnd {
namespace {

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

// "genererat/huvudbok-2024.se, genererat/huvudbok-2025.csv": every file the config lists for
// the input, in its order.
std::string fileNames(const RunConfig& config, std::string_view columnId) {
  std::string names;
  for (const InputFile* file : sourceFiles(config, columnId))
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
                        const ShownIn& where) {
  const PublicationColumn* column = findPublicationColumn(columnId);
  if (!column)
    throw std::logic_error("requirePublishable: " + std::string(columnId) +
                           " saknas i publicationCatalogue");
  if (column->publication == Publication::ByContract || blank(text)) return;
  const auto& declared = config.publishableColumns;
  if (std::find(declared.begin(), declared.end(), columnId) != declared.end()) return;
  const std::string files = fileNames(config, columnId);
  throw ConfigError(
      "Rapporten skulle visa kolumnen " + std::string(column->column) + " ur " +
      std::string(column->source) + (files.empty() ? "" : " (" + files + ")") + " i avsnittet \"" +
      std::string(where.title) +
      "\", men kolumnen är inte deklarerad som publicerbar. Lägg till \"" + std::string(columnId) +
      "\" i \"publicerbara_kolumner\" i " + config.configPath.filename().string() +
      " om texten får publiceras, eller ta bort avsnittet \"" + std::string(where.sectionId) +
      "\" ur \"sektioner\" i " + std::string(where.textsFile) + ".");
}

}  // namespace namnd
