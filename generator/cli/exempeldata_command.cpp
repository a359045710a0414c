#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/example_kommun.hpp"

namespace namnd {

int runExempeldata(const std::vector<std::string>& args, std::ostream& out) {
  const Arguments arguments(args, {"ut"}, {});
  const std::filesystem::path dir = arguments.required("ut");
  writeExampleKommun(dir);
  out << "Skrev exempelkommunens indata till " << dir.string() << "\n";
  return 0;
}

}  // namespace namnd
