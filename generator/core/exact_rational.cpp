#include "core/exact_rational.hpp"

namespace namnd {
namespace {

WideInt absolute(WideInt value) { return value < 0 ? -value : value; }

WideInt greatestCommonDivisor(WideInt a, WideInt b) {
  a = absolute(a);
  b = absolute(b);
  while (b != 0) {
    const WideInt rest = a % b;
    a = b;
    b = rest;
  }
  return a;
}

// 2^126: operands below it in magnitude keep a sum of two products, and a negation, in range.
constexpr WideInt kLimit = static_cast<WideInt>(1) << 126;

bool fits(WideInt value) { return value < kLimit && value > -kLimit; }

std::optional<WideInt> product(WideInt a, WideInt b) {
  WideInt result = 0;
  if (__builtin_mul_overflow(a, b, &result) || !fits(result)) return std::nullopt;
  return result;
}

}  // namespace

std::optional<ExactRational> ExactRational::fraction(WideInt numerator, WideInt denominator) {
  if (denominator == 0 || !fits(numerator) || !fits(denominator)) return std::nullopt;
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const WideInt divisor = greatestCommonDivisor(numerator, denominator);
  if (divisor > 1) {
    numerator /= divisor;
    denominator /= divisor;
  }
  return ExactRational(numerator, denominator);
}

std::optional<ExactRational> ExactRational::plus(const ExactRational& other) const {
  const auto left = product(numerator_, other.denominator_);
  const auto right = product(other.numerator_, denominator_);
  const auto below = product(denominator_, other.denominator_);
  if (!left || !right || !below) return std::nullopt;
  return fraction(*left + *right, *below);
}

std::optional<ExactRational> ExactRational::minus(const ExactRational& other) const {
  return plus(other.negated());
}

std::optional<ExactRational> ExactRational::times(const ExactRational& other) const {
  // Cross-reduce first so that products of already reduced fractions stay small.
  const WideInt a = greatestCommonDivisor(numerator_, other.denominator_);
  const WideInt b = greatestCommonDivisor(other.numerator_, denominator_);
  const WideInt da = a == 0 ? 1 : a;
  const WideInt db = b == 0 ? 1 : b;
  const auto top = product(numerator_ / da, other.numerator_ / db);
  const auto below = product(denominator_ / db, other.denominator_ / da);
  if (!top || !below) return std::nullopt;
  return fraction(*top, *below);
}

std::optional<ExactRational> ExactRational::dividedBy(const ExactRational& other) const {
  if (other.isZero()) return std::nullopt;
  const auto reciprocal = fraction(other.denominator_, other.numerator_);
  if (!reciprocal) return std::nullopt;
  return times(*reciprocal);
}

std::optional<std::int64_t> ExactRational::roundedScaled(int decimals) const {
  WideInt scaled = numerator_;
  for (int i = 0; i < decimals; ++i) {
    const auto next = product(scaled, 10);
    if (!next) return std::nullopt;
    scaled = *next;
  }
  return divideRoundedWide(scaled, denominator_);
}

std::string scaledDecimalText(std::int64_t scaled, int decimals) {
  const bool negative = scaled < 0;
  const std::uint64_t magnitude =
      negative ? ~static_cast<std::uint64_t>(scaled) + 1 : static_cast<std::uint64_t>(scaled);
  std::string digits = std::to_string(magnitude);
  if (decimals > 0 && digits.size() <= static_cast<std::size_t>(decimals))
    digits.insert(0, static_cast<std::size_t>(decimals) - digits.size() + 1, '0');
  std::string text = negative ? "-" : "";
  if (decimals <= 0) return text + digits;
  const std::size_t integerDigits = digits.size() - static_cast<std::size_t>(decimals);
  return text + digits.substr(0, integerDigits) + "," + digits.substr(integerDigits);
}

}  // namespace namnd
