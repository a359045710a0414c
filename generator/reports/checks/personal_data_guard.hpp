#pragma once
// The last check before a report is written: no text of it may hold a personnummer (or a
// samordningsnummer). Inputs carry them by accident — a salary line's text in the ledger, a
// comment in a prognos, a name field — and a nämnd's documents are public. A hit stops the run
// before any file is written, naming the input file and row the number came from (searched for
// in the config's inputs) and where in the report it would have appeared. The number itself is
// shown masked, so that it does not end up in a terminal log either.

#include <optional>
#include <string>
#include <string_view>

#include "core/run_config.hpp"
#include "reports/model/document.hpp"
#include "reports/prognosunderlag/prognosunderlag_builder.hpp"

namespace namnd {

// The first thing in `text` that looks like a personnummer, as its ten digits (YYMMDDNNNC), or
// nothing. Recognised: YYYYMMDD-NNNN and YYMMDD-NNNN with '-' or '+', and 12 or 10 digits without
// a separator; the date part must be a possible date (day + 60 for a samordningsnummer); a number
// without separator must also pass the Luhn check, since invoice and OCR numbers look alike.
std::optional<std::string> findPersonnummer(std::string_view text);

// "121212-****": the date part only.
std::string maskedPersonnummer(const std::string& tenDigits);

// Throws InputError when any text of the document (title, header, table cells and headers,
// footnotes, paragraphs, bullets, checks, chart labels) holds a personnummer.
void refusePersonalData(const Document& document, const RunConfig& config);
// The same for the prognosunderlag workbooks (unit and row names, carried comments).
void refusePersonalData(const Prognosunderlag& underlag, const RunConfig& config);

}  // namespace namnd
