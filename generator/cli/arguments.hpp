#pragma once
// Command-line options of the form `--name value` and `--flag`, checked against the options a
// subcommand accepts so that a typo is an error, not a silently ignored option.

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace namnd {

// A command line that cannot be understood. The message is Swedish.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Arguments {
 public:
  // `valued` options take a value, `flags` do not. Throws UsageError for an unknown option, a
  // missing value, a repeated option or a stray word.
  Arguments(const std::vector<std::string>& args, const std::set<std::string>& valued,
            const std::set<std::string>& flags);

  std::optional<std::string> value(const std::string& name) const;
  std::string required(const std::string& name) const;  // throws UsageError when absent
  bool flag(const std::string& name) const { return flags_.count(name) > 0; }

 private:
  std::map<std::string, std::string> values_;
  std::set<std::string> flags_;
};

}  // namespace namnd
