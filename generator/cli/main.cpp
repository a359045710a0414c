// namnd: the command-line entry point. Dispatches to a subcommand and turns user errors into
// Swedish messages and exit codes (0 ok, 1 the input or output could not be used, 2 usage).

#include <iostream>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "core/errors.hpp"

namespace {

void printOverview(std::ostream& out) {
  out << "Nämndrapport: rapporter för nämnder ur huvudbok, budget och prognoser.\n\n"
         "Användning: namnd KOMMANDO [FLAGGOR]\n\nKommandon:\n";
  for (const auto& command : namnd::commands())
    out << "  " << command.name << std::string(17 - std::string(command.name).size(), ' ')
        << command.summary << "\n";
  out << "\nSkriv namnd KOMMANDO --help för kommandots flaggor.\n";
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "hjalp") {
    printOverview(std::cout);
    return args.empty() ? 2 : 0;
  }
  for (const auto& command : namnd::commands()) {
    if (args[0] != command.name) continue;
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    for (const auto& arg : rest)
      if (arg == "--help" || arg == "-h") {
        std::cout << command.help;
        return 0;
      }
    try {
      return command.run(rest, std::cout);
    } catch (const namnd::UsageError& e) {
      std::cerr << "namnd " << command.name << ": " << e.what() << "\n\n" << command.help;
      return 2;
    } catch (const namnd::InputError& e) {
      std::cerr << "Fel i indata: " << e.what() << "\n";
    } catch (const namnd::ConfigError& e) {
      std::cerr << "Fel i konfigurationen: " << e.what() << "\n";
    } catch (const namnd::StoreError& e) {
      std::cerr << "Fel i lagret: " << e.what() << "\n";
    } catch (const namnd::OutputError& e) {
      std::cerr << "Kunde inte skriva: " << e.what() << "\n";
    } catch (const std::exception& e) {
      std::cerr << "Internt fel (rapportera gärna): " << e.what() << "\n";
    }
    return 1;
  }
  std::cerr << "namnd: okänt kommando \"" << args[0] << "\"\n\n";
  printOverview(std::cerr);
  return 2;
}
