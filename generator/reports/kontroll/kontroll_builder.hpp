#pragma once
// The data-quality report (`namnd kontroll`): everything the checks find about a period's
// inputs, as a Document of its own.

#include "reports/checks/data_quality.hpp"
#include "reports/model/document.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

// meta: kommun, nämnd, förvaltning, author; the builder fills the period parts.
Document buildKontrollrapport(DocumentMeta meta, Period period, const DataQualityInput& input,
                              const ReportTexts& texts);

}  // namespace namnd
