#include "core/volym_formula.hpp"

#include <algorithm>
#include <vector>

#include "core/number_parse.hpp"

namespace namnd {
namespace {

std::string lowerAscii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

// "summa(x)" → {"summa", "x"}; nullopt when the text is not a call (no parenthesis).
struct Call {
  std::string function;  // lower case
  std::string_view arguments;
};

std::optional<Call> callIn(std::string_view text, std::string* error) {
  const std::size_t open = text.find('(');
  if (open == std::string_view::npos) {
    if (text.find(')') != std::string_view::npos) *error = "en ) utan (";
    return std::nullopt;
  }
  if (!text.ends_with(')')) {
    *error = "parentesen efter " + std::string(trimSpace(text.substr(0, open))) + " stängs inte";
    return std::nullopt;
  }
  return Call{lowerAscii(trimSpace(text.substr(0, open))),
              text.substr(open + 1, text.size() - open - 2)};
}

std::optional<std::string> measureIn(std::string_view text, std::string* error) {
  const std::string_view name = trimSpace(text);
  if (name.empty()) {
    *error = "ett mått saknas";
    return std::nullopt;
  }
  if (name.find_first_of("(),;") != std::string_view::npos) {
    *error = "\"" + std::string(name) + "\" är inget måttnamn";
    return std::nullopt;
  }
  auto code = volymMeasureCode(name);
  if (!code) *error = "\"" + std::string(name) + "\" är inget måttnamn (bokstäver, siffror och _)";
  return code;
}

std::optional<VolymTerm> termIn(std::string_view text, std::string* error) {
  error->clear();
  const std::string_view trimmed = trimSpace(text);
  const auto call = callIn(trimmed, error);
  if (!error->empty()) return std::nullopt;
  if (!call) {
    auto matt = measureIn(trimmed, error);
    if (!matt) return std::nullopt;
    return VolymTerm{VolymAggregation::Senaste, std::move(*matt)};
  }
  VolymAggregation aggregation;
  if (call->function == "senaste") {
    aggregation = VolymAggregation::Senaste;
  } else if (call->function == "summa") {
    aggregation = VolymAggregation::Summa;
  } else if (call->function == "andel") {
    *error = "andel kan inte stå inuti en annan funktion";
    return std::nullopt;
  } else {
    *error = "okänd funktion \"" + call->function + "\" (senaste, summa eller andel)";
    return std::nullopt;
  }
  auto matt = measureIn(call->arguments, error);
  if (!matt) return std::nullopt;
  return VolymTerm{aggregation, std::move(*matt)};
}

// The arguments of andel split at the separators outside parentheses (',' or ';', as Excel
// writes them in Swedish).
std::vector<std::string_view> argumentsOf(std::string_view text) {
  std::vector<std::string_view> parts;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')') --depth;
    if (depth == 0 && (text[i] == ',' || text[i] == ';')) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(text.substr(start));
  return parts;
}

std::string termText(const VolymTerm& term) {
  return std::string(term.aggregation == VolymAggregation::Summa ? "summa(" : "senaste(") +
         term.matt + ")";
}

// Σ over ansvar and the months of the window; nullopt when no month has a row.
std::optional<std::int64_t> sumOver(const VolymTable& volymer, std::string_view matt,
                                    PeriodRange window, std::vector<Period>& missingMonths) {
  std::optional<std::int64_t> sum;
  for (Period p = window.first; p <= window.last; p = p.next()) {
    const auto total = volymer.totalAt(matt, p);
    if (!total) {
      missingMonths.push_back(p);
      continue;
    }
    sum = sum.value_or(0) + *total;
  }
  return sum;
}

bool hasRowIn(const VolymTable& volymer, std::string_view matt, PeriodRange window) {
  for (const Period p : volymer.periods(matt))
    if (window.contains(p)) return true;
  return false;
}

}  // namespace

std::string VolymFormula::text() const {
  if (!ofTotal) return termText(value);
  return "andel(" + termText(value) + ", " + termText(*ofTotal) + ")";
}

std::optional<VolymFormula> parseVolymFormula(std::string_view text, std::string* error) {
  std::string reason;
  const std::string_view trimmed = trimSpace(text);
  std::optional<VolymFormula> formula;
  if (trimmed.empty()) {
    reason = "beräkningen är tom";
  } else if (const auto call = callIn(trimmed, &reason); call && call->function == "andel") {
    const auto parts = argumentsOf(call->arguments);
    if (parts.size() != 2) {
      reason = "andel ska ha två mått: andel(del, helhet)";
    } else if (auto part = termIn(parts[0], &reason)) {
      if (auto whole = termIn(parts[1], &reason))
        formula = VolymFormula{std::move(*part), std::move(*whole)};
    }
  } else if (reason.empty()) {
    if (auto term = termIn(trimmed, &reason)) formula = VolymFormula{std::move(*term), {}};
  }
  if (!formula && error) *error = reason;
  return formula;
}

VolymOutcome evaluateVolymFormula(const VolymFormula& formula, const VolymTable& volymer,
                                  PeriodRange window) {
  using Status = VolymOutcome::Status;
  VolymOutcome outcome;
  std::vector<const VolymTerm*> terms = {&formula.value};
  if (formula.ofTotal) terms.push_back(&*formula.ofTotal);
  for (const VolymTerm* term : terms) {
    if (!volymer.hasMeasure(term->matt)) {
      outcome.status = Status::UnknownMeasure;
      outcome.measure = term->matt;
      return outcome;
    }
  }

  // Every senaste() term is counted in one month: the last of the window where all have rows.
  std::vector<const VolymTerm*> stocks;
  for (const VolymTerm* term : terms)
    if (term->aggregation == VolymAggregation::Senaste) stocks.push_back(term);
  std::optional<Period> stockMonth;
  if (!stocks.empty()) {
    for (Period p = window.last; p >= window.first; p = p.previous()) {
      const bool all = std::all_of(stocks.begin(), stocks.end(), [&](const VolymTerm* term) {
        return volymer.totalAt(term->matt, p).has_value();
      });
      if (all) {
        stockMonth = p;
        break;
      }
      if (p == window.first) break;  // previous() of January 1900 would throw
    }
    if (!stockMonth) {
      outcome.status = Status::NoValue;
      for (const VolymTerm* term : stocks)
        if (!hasRowIn(volymer, term->matt, window)) outcome.measure = term->matt;
      if (outcome.measure.empty())  // each has rows, but never in the same month
        outcome.measure = stocks.front()->matt + " och " + stocks.back()->matt;
      return outcome;
    }
  }

  std::vector<std::int64_t> figures;
  for (const VolymTerm* term : terms) {
    if (term->aggregation == VolymAggregation::Senaste) {
      figures.push_back(*volymer.totalAt(term->matt, *stockMonth));
      continue;
    }
    const auto sum = sumOver(volymer, term->matt, window, outcome.missingMonths);
    if (!sum) {
      outcome.status = Status::NoValue;
      outcome.measure = term->matt;
      outcome.missingMonths.clear();
      return outcome;
    }
    figures.push_back(*sum);
  }
  std::sort(outcome.missingMonths.begin(), outcome.missingMonths.end());
  outcome.missingMonths.erase(
      std::unique(outcome.missingMonths.begin(), outcome.missingMonths.end()),
      outcome.missingMonths.end());
  outcome.stockMonth = stockMonth;
  outcome.numerator = figures[0];
  if (formula.ofTotal) {
    outcome.denominator = figures[1];
    if (outcome.denominator == 0) {
      outcome.status = Status::ZeroDenominator;
      outcome.measure = formula.ofTotal->matt;
    }
  }
  return outcome;
}

}  // namespace namnd
