#pragma once
// The subcommands of `namnd`. Each takes the arguments after its name, writes progress to
// `out` and returns the process exit code. User errors are thrown (see core/errors.hpp and
// cli/arguments.hpp) and turned into Swedish messages by main.

#include <ostream>
#include <string>
#include <vector>

#include "cli/report_outcome.hpp"

namespace namnd {

struct Command {
  const char* name;
  const char* summary;  // one Swedish line for `namnd --help`
  const char* help;     // the subcommand's own Swedish --help text
  int (*run)(const std::vector<std::string>& args, std::ostream& out);
};

const std::vector<Command>& commands();

int runAvvikelser(const std::vector<std::string>& args, std::ostream& out);
int runDelarsrapport(const std::vector<std::string>& args, std::ostream& out);
int runManadsrapport(const std::vector<std::string>& args, std::ostream& out);
int runPrognosunderlag(const std::vector<std::string>& args, std::ostream& out);
int runKontroll(const std::vector<std::string>& args, std::ostream& out);
int runImport(const std::vector<std::string>& args, std::ostream& out);
int runExempeldata(const std::vector<std::string>& args, std::ostream& out);
int runGalleri(const std::vector<std::string>& args, std::ostream& out);
int runNyckeltal(const std::vector<std::string>& args, std::ostream& out);
int runKor(const std::vector<std::string>& args, std::ostream& out);
int runDb(const std::vector<std::string>& args, std::ostream& out);

// The report commands' work with the same arguments, returning what they wrote and what the
// report's checks said (`namnd kor` makes its reports through these).
ReportOutcome makeAvvikelser(const std::vector<std::string>& args, std::ostream& out);
ReportOutcome makeDelarsrapport(const std::vector<std::string>& args, std::ostream& out);
ReportOutcome makeManadsrapport(const std::vector<std::string>& args, std::ostream& out);
ReportOutcome makePrognosunderlag(const std::vector<std::string>& args, std::ostream& out);
ReportOutcome makeKontroll(const std::vector<std::string>& args, std::ostream& out);
ReportOutcome makeNyckeltal(const std::vector<std::string>& args, std::ostream& out);

}  // namespace namnd
