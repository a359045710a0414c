#include "core/number_format.hpp"

#include <cmath>

namespace namnd {
namespace {

std::string groupDigits(std::string_view digits, std::string_view separator) {
  std::string out;
  out.reserve(digits.size() + digits.size() / 3 * separator.size());
  const std::size_t lead = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i >= lead && (i - lead) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string formatInteger(std::int64_t value, std::string_view groupSeparator) {
  // Work on the unsigned magnitude so that INT64_MIN does not overflow.
  const bool negative = value < 0;
  const std::uint64_t magnitude =
      negative ? ~static_cast<std::uint64_t>(value) + 1 : static_cast<std::uint64_t>(value);
  std::string out = negative ? "-" : "";
  out += groupDigits(std::to_string(magnitude), groupSeparator);
  return out;
}

std::string formatSignedInteger(std::int64_t value, std::string_view groupSeparator) {
  std::string text = formatInteger(value, groupSeparator);
  if (value > 0) text.insert(0, "+");
  return text;
}

std::string formatOreAsKronor(std::int64_t ore, std::string_view groupSeparator) {
  const bool negative = ore < 0;
  const std::uint64_t magnitude =
      negative ? ~static_cast<std::uint64_t>(ore) + 1 : static_cast<std::uint64_t>(ore);
  const std::uint64_t cents = magnitude % 100;
  std::string out = negative ? "-" : "";
  out += groupDigits(std::to_string(magnitude / 100), groupSeparator);
  out += ',';
  out += static_cast<char>('0' + cents / 10);
  out += static_cast<char>('0' + cents % 10);
  return out;
}

std::string formatDecimal(double value, int decimals, std::string_view groupSeparator) {
  if (!std::isfinite(value)) return "\xE2\x80\x93";  // en dash: "no value"
  const double scale = std::pow(10.0, decimals);
  const double scaled = std::round(std::fabs(value) * scale);  // std::round: half away from zero
  if (scaled >= 9.0e18) return "\xE2\x80\x93";
  const auto units = static_cast<std::uint64_t>(scaled);
  std::string digits = std::to_string(units);
  if (decimals > 0 && digits.size() <= static_cast<std::size_t>(decimals))
    digits.insert(0, static_cast<std::size_t>(decimals) - digits.size() + 1, '0');
  const std::size_t integerDigits = digits.size() - static_cast<std::size_t>(decimals);
  std::string out = (value < 0 && units != 0) ? "-" : "";
  out += groupDigits(std::string_view(digits).substr(0, integerDigits), groupSeparator);
  if (decimals > 0) out += "," + digits.substr(integerDigits);
  return out;
}

std::string formatPercent(double ratio, int decimals) {
  if (!std::isfinite(ratio)) return "\xE2\x80\x93";
  return formatDecimal(ratio * 100.0, decimals) + std::string(kNbsp) + "%";
}

}  // namespace namnd
