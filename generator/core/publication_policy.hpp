#pragma once
// Which input columns a public report may show. A nämnd's documents are public; its inputs are
// not. Files written for the report (the controller's comments, the mål file, the investment
// plan's project names, the organisation's own names) are published by contract. Free text from
// an operational system (a ledger row's text and motpart, an enhetschef's prognos comment about
// staff or brukare) may hold names of persons or suppliers: such a column reaches a report only
// when the config lists it under "publicerbara_kolumner", and otherwise the run stops before
// anything is written (requirePublishable).

#include <string>
#include <string_view>
#include <vector>

namespace namnd {

struct RunConfig;

enum class Publication {
  ByContract,  // a file written for the report, or the organisation's own names: always shown
  Declared,    // free text from a system: shown only when "publicerbara_kolumner" lists it
};

struct PublicationColumn {
  std::string_view id;      // "huvudbok.text": as written in "publicerbara_kolumner"
  std::string_view column;  // "text": the column as the README and the import name it
  std::string_view source;  // "huvudboken": the input, as the messages say "ur huvudboken"
  Publication publication;
};

// Every input column whose text can reach a report, free-text columns first.
const std::vector<PublicationColumn>& publicationCatalogue();

// The catalogue's entry for `id`, or null.
const PublicationColumn* findPublicationColumn(std::string_view id);

// "huvudbok.text, huvudbok.motpart, …": every id of the catalogue, for messages.
std::string publicationColumnIds();

// Where a text would be shown: the section as the reader sees it, and how the report's texts
// file leaves that part out (its list "sektioner", see reports/section_order.hpp).
struct ShownIn {
  std::string_view title;      // "Största transaktioner oktober 2025"
  std::string_view sectionId;  // "transaktioner": the part's id in "sektioner"
  std::string_view textsFile;  // "templates/text/manadsrapport.json"
};

// Throws ConfigError when `text` (not blank) of the column `columnId` would be shown in `where`
// while the column is free text the config does not declare: the message names the column, the
// input's files as the config lists them (the records do not say which of them a text came
// from), the section, what to add to the config and which part to take out of which texts file
// instead. A column published by contract, a declared one and blank text pass. `columnId` must
// be in the catalogue.
void requirePublishable(const RunConfig& config, std::string_view columnId, std::string_view text,
                        const ShownIn& where);

}  // namespace namnd
