#pragma once
// Command-line pieces the benchmark tools share.

#include <cstdint>
#include <exception>
#include <string>

namespace namnd::bench {

// A command line that cannot be understood; an empty message means "show the help".
struct UsageError {
  std::string message;
};

// A whole number ≥ 1, or a UsageError naming the flag.
inline std::int64_t positiveNumber(const std::string& flag, const std::string& text) {
  std::size_t used = 0;
  long long value = 0;
  try {
    value = std::stoll(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || value < 1)
    throw UsageError{flag + " väntar ett positivt heltal, inte \"" + text + "\""};
  return value;
}

}  // namespace namnd::bench
