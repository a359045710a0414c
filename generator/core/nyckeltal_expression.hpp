#pragma once
// The formula of a key figure, as a nyckeltal catalogue writes it: numbers, names of the
// definition's storheter, + − * / and parentheses, with the usual precedence (* and / before
// + and −, left to right; unary minus).
//
//   (nettokostnad / invanare - referenskostnad) / referenskostnad
//   (overtid + mertid) / arsarbetstid
//
// Parsed once; evaluated per org node and period into an exact fraction (core/exact_rational),
// so that nothing is rounded until the figure is displayed. Names are ASCII (a–z, 0–9, _; case
// matters as written); numbers take a decimal point or comma ("1,05"). "−" (U+2212) is a minus.

#include <cstddef>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/exact_rational.hpp"

namespace namnd {

// A formula that cannot be parsed: `column` is the 1-based character (not byte) where the problem
// is, `reason` Swedish. what() = "tecken 7: …".
class ExpressionSyntaxError : public std::runtime_error {
 public:
  ExpressionSyntaxError(std::size_t column, const std::string& reason);
  std::size_t column() const { return column_; }
  const std::string& reason() const { return reason_; }

 private:
  std::size_t column_;
  std::string reason_;
};

// What a name stands for in one evaluation: a value, or why there is none (Swedish, e.g.
// "invånare saknas för 2021").
struct ExpressionInput {
  std::optional<ExactRational> value;
  std::string missingReason;
};

// The value, or the first problem met (a missing input's reason, a division by zero naming its
// divisor as the formula writes it, a number too large).
struct ExpressionOutcome {
  std::optional<ExactRational> value;
  std::string problem;
};

class NyckeltalExpression {
 public:
  // Throws ExpressionSyntaxError.
  static NyckeltalExpression parse(std::string_view text);

  const std::string& text() const { return text_; }
  // The distinct names the formula uses, in order of first appearance.
  const std::vector<std::string>& names() const { return names_; }

  // `inputOf` is asked once per distinct name.
  ExpressionOutcome evaluate(
      const std::function<ExpressionInput(const std::string& name)>& inputOf) const;

 private:
  enum class Kind { Number, Name, Negate, Add, Subtract, Multiply, Divide };
  struct Node {
    Kind kind = Kind::Number;
    ExactRational number;
    std::string name;
    int left = -1;
    int right = -1;
    std::size_t begin = 0;  // byte span in text_, for naming a divisor
    std::size_t end = 0;
  };
  friend class ExpressionParser;

  std::string text_;
  std::vector<Node> nodes_;  // children before parents; the last node is the root
  std::vector<std::string> names_;
};

}  // namespace namnd
