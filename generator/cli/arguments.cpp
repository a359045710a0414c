#include "cli/arguments.hpp"

namespace namnd {

Arguments::Arguments(const std::vector<std::string>& args, const std::set<std::string>& valued,
                     const std::set<std::string>& flags) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0) throw UsageError("oväntat argument \"" + arg + "\"");
    std::string name = arg.substr(2);
    std::optional<std::string> inlineValue;
    if (const auto eq = name.find('='); eq != std::string::npos) {
      inlineValue = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (flags.count(name)) {
      if (inlineValue) throw UsageError("--" + name + " tar inget värde");
      if (!flags_.insert(name).second) throw UsageError("--" + name + " anges två gånger");
      continue;
    }
    if (!valued.count(name)) throw UsageError("okänd flagga --" + name);
    if (values_.count(name)) throw UsageError("--" + name + " anges två gånger");
    if (inlineValue) {
      values_[name] = *inlineValue;
    } else {
      // "--config --period 202510" is a forgotten value, not a config file named "--period".
      if (i + 1 >= args.size() || args[i + 1].rfind("--", 0) == 0)
        throw UsageError("--" + name + " saknar värde");
      values_[name] = args[++i];
    }
  }
}

std::optional<std::string> Arguments::value(const std::string& name) const {
  const auto found = values_.find(name);
  if (found == values_.end()) return std::nullopt;
  return found->second;
}

std::string Arguments::required(const std::string& name) const {
  const auto found = value(name);
  if (!found) throw UsageError("--" + name + " måste anges");
  return *found;
}

}  // namespace namnd
