#include "core/nyckeltal_expression.hpp"

#include <algorithm>
#include <map>

namespace namnd {

ExpressionSyntaxError::ExpressionSyntaxError(std::size_t column, const std::string& reason)
    : std::runtime_error("tecken " + std::to_string(column) + ": " + reason),
      column_(column),
      reason_(reason) {}

namespace {

constexpr std::string_view kUnicodeMinus = "\xE2\x88\x92";  // U+2212

bool isNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

// Recursive descent over the text; builds nodes_ bottom-up.
class ExpressionParser {
 public:
  explicit ExpressionParser(NyckeltalExpression& expression)
      : e_(expression), text_(expression.text_) {}

  void run() {
    skipSpace();
    if (pos_ == text_.size()) fail(pos_, "formeln är tom");
    parseSum();
    skipSpace();
    if (pos_ < text_.size()) {
      if (text_[pos_] == ')') fail(pos_, "en ) utan (");
      fail(pos_, "ett räknesätt (+ − * /) väntades före " + quotedHere());
    }
  }

 private:
  // One level of parentheses or signs while it is parsed. The cap keeps a broken or hostile
  // catalogue from exhausting the stack of this recursive parser.
  class Nesting {
   public:
    Nesting(ExpressionParser& parser, std::size_t at) : parser_(parser) {
      if (++parser_.depth_ > kMaxNesting)
        parser_.fail(at, "formeln är nästlad i mer än " + std::to_string(kMaxNesting) +
                             " nivåer (parenteser och tecken)");
    }
    ~Nesting() { --parser_.depth_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;

   private:
    ExpressionParser& parser_;
  };

  [[noreturn]] void fail(std::size_t bytePos, const std::string& reason) const {
    // Characters, not bytes: count the UTF-8 lead bytes before the position.
    std::size_t column = 1;
    for (std::size_t i = 0; i < bytePos && i < text_.size(); ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    throw ExpressionSyntaxError(column, reason);
  }

  // The character at pos_ (a whole UTF-8 sequence), quoted.
  std::string quotedHere() const {
    std::size_t end = pos_ + 1;
    while (end < text_.size() && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80) ++end;
    return "\"" + std::string(text_.substr(pos_, end - pos_)) + "\"";
  }

  void skipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r'))
      ++pos_;
  }

  bool atMinus() const {
    return text_[pos_] == '-' || text_.substr(pos_, kUnicodeMinus.size()) == kUnicodeMinus;
  }
  void consumeMinus() { pos_ += text_[pos_] == '-' ? 1 : kUnicodeMinus.size(); }

  int add(NyckeltalExpression::Node node) {
    e_.nodes_.push_back(std::move(node));
    return static_cast<int>(e_.nodes_.size()) - 1;
  }

  int binary(NyckeltalExpression::Kind kind, int left, int right) {
    using Node = NyckeltalExpression::Node;
    return add(Node{.kind = kind,
                    .left = left,
                    .right = right,
                    .begin = e_.nodes_[static_cast<std::size_t>(left)].begin,
                    .end = e_.nodes_[static_cast<std::size_t>(right)].end});
  }

  int parseSum() {
    int left = parseProduct();
    for (;;) {
      skipSpace();
      if (pos_ >= text_.size()) return left;
      NyckeltalExpression::Kind kind;
      if (text_[pos_] == '+') {
        kind = NyckeltalExpression::Kind::Add;
        ++pos_;
      } else if (atMinus()) {
        kind = NyckeltalExpression::Kind::Subtract;
        consumeMinus();
      } else {
        return left;
      }
      left = binary(kind, left, parseProduct());
    }
  }

  int parseProduct() {
    int left = parseUnary();
    for (;;) {
      skipSpace();
      if (pos_ >= text_.size()) return left;
      NyckeltalExpression::Kind kind;
      if (text_[pos_] == '*') {
        kind = NyckeltalExpression::Kind::Multiply;
      } else if (text_[pos_] == '/') {
        kind = NyckeltalExpression::Kind::Divide;
      } else {
        return left;
      }
      ++pos_;
      left = binary(kind, left, parseUnary());
    }
  }

  int parseUnary() {
    skipSpace();
    if (pos_ < text_.size() && text_[pos_] == '+') {
      const Nesting nested(*this, pos_);
      ++pos_;
      return parseUnary();
    }
    if (pos_ < text_.size() && atMinus()) {
      const Nesting nested(*this, pos_);
      const std::size_t begin = pos_;
      consumeMinus();
      const int operand = parseUnary();
      return add(
          NyckeltalExpression::Node{.kind = NyckeltalExpression::Kind::Negate,
                                    .left = operand,
                                    .begin = begin,
                                    .end = e_.nodes_[static_cast<std::size_t>(operand)].end});
    }
    return parsePrimary();
  }

  int parsePrimary() {
    using Node = NyckeltalExpression::Node;
    using Kind = NyckeltalExpression::Kind;
    skipSpace();
    if (pos_ >= text_.size()) fail(pos_, "formeln slutar där ett tal, ett namn eller ( väntades");
    const std::size_t begin = pos_;
    const char c = text_[pos_];
    if (c == '(') {
      const Nesting nested(*this, pos_);
      ++pos_;
      const int inner = parseSum();
      skipSpace();
      if (pos_ >= text_.size() || text_[pos_] != ')')
        fail(begin, "parentesen stängs inte (en ) saknas)");
      ++pos_;
      // The parenthesis belongs to the span, so that a divisor is named as written.
      e_.nodes_[static_cast<std::size_t>(inner)].begin = begin;
      e_.nodes_[static_cast<std::size_t>(inner)].end = pos_;
      return inner;
    }
    if (isDigit(c))
      return add(Node{.kind = Kind::Number, .number = parseNumber(), .begin = begin, .end = pos_});
    if (isNameStart(c)) {
      while (pos_ < text_.size() && (isNameStart(text_[pos_]) || isDigit(text_[pos_]))) ++pos_;
      if (pos_ < text_.size() && (static_cast<unsigned char>(text_[pos_]) & 0x80))
        fail(pos_, quotedHere() + " kan inte stå i ett namn (namn skrivs med a–z, 0–9 och _)");
      std::string name(text_.substr(begin, pos_ - begin));
      if (std::find(e_.names_.begin(), e_.names_.end(), name) == e_.names_.end())
        e_.names_.push_back(name);
      return add(Node{.kind = Kind::Name, .name = std::move(name), .begin = begin, .end = pos_});
    }
    if (c == ')') fail(pos_, "en ) utan ( eller ett tomt uttryck");
    if (static_cast<unsigned char>(c) & 0x80)
      fail(pos_, quotedHere() + " kan inte stå i en formel (namn skrivs med a–z, 0–9 och _)");
    fail(pos_, "ett tal, ett namn eller ( väntades, inte " + quotedHere());
  }

  ExactRational parseNumber() {
    const std::size_t begin = pos_;
    WideInt digits = 0;
    WideInt scale = 1;
    int decimals = 0;
    bool fraction = false;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (isDigit(c)) {
        if (digits > (static_cast<WideInt>(1) << 100)) fail(begin, "talet är för långt");
        // 10^18 and a 2^100 numerator stay far inside 128 bits.
        if (fraction && ++decimals > kMaxDecimals)
          fail(begin, "talet har fler än " + std::to_string(kMaxDecimals) + " decimaler");
        digits = digits * 10 + (c - '0');
        if (fraction) scale *= 10;
      } else if ((c == '.' || c == ',') && !fraction && pos_ + 1 < text_.size() &&
                 isDigit(text_[pos_ + 1])) {
        fraction = true;
      } else {
        break;
      }
      ++pos_;
    }
    const auto number = ExactRational::fraction(digits, scale);
    if (!number) fail(begin, "talet går inte att räkna exakt");
    return *number;
  }

  static constexpr int kMaxDecimals = 18;
  static constexpr int kMaxNesting = 100;

  NyckeltalExpression& e_;
  std::string_view text_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};

NyckeltalExpression NyckeltalExpression::parse(std::string_view text) {
  NyckeltalExpression expression;
  expression.text_ = std::string(text);
  ExpressionParser(expression).run();
  return expression;
}

ExpressionOutcome NyckeltalExpression::evaluate(
    const std::function<ExpressionInput(const std::string& name)>& inputOf) const {
  // Only a default-constructed expression has no nodes (parse refuses an empty formula).
  if (nodes_.empty()) return {std::nullopt, "formeln är tom"};
  std::map<std::string, ExpressionInput, std::less<>> inputs;
  for (const std::string& name : names_) inputs.emplace(name, inputOf(name));

  // Children precede parents, so one pass in order computes every node.
  std::vector<std::optional<ExactRational>> values(nodes_.size());
  const std::string tooLarge = "talen blir för stora för en exakt beräkning";
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    const Node& node = nodes_[i];
    const auto operand = [&](int index) { return *values[static_cast<std::size_t>(index)]; };
    switch (node.kind) {
      case Kind::Number:
        values[i] = node.number;
        break;
      case Kind::Name: {
        const ExpressionInput& input = inputs.find(node.name)->second;
        if (!input.value) return {std::nullopt, input.missingReason};
        values[i] = input.value;
        break;
      }
      case Kind::Negate:
        values[i] = operand(node.left).negated();
        break;
      case Kind::Add:
        values[i] = operand(node.left).plus(operand(node.right));
        if (!values[i]) return {std::nullopt, tooLarge};
        break;
      case Kind::Subtract:
        values[i] = operand(node.left).minus(operand(node.right));
        if (!values[i]) return {std::nullopt, tooLarge};
        break;
      case Kind::Multiply:
        values[i] = operand(node.left).times(operand(node.right));
        if (!values[i]) return {std::nullopt, tooLarge};
        break;
      case Kind::Divide: {
        const Node& divisor = nodes_[static_cast<std::size_t>(node.right)];
        if (operand(node.right).isZero())
          return {std::nullopt, "division med noll: \"" +
                                    text_.substr(divisor.begin, divisor.end - divisor.begin) +
                                    "\" är 0"};
        values[i] = operand(node.left).dividedBy(operand(node.right));
        if (!values[i]) return {std::nullopt, tooLarge};
        break;
      }
    }
  }
  return {values.back(), ""};
}

}  // namespace namnd
