#include "clients/client_tools.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>

#include "support/test_support.hpp"

namespace namnd::clients {
namespace {

namespace fs = std::filesystem;

std::string shellQuoted(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace

ToolRun runTool(const std::string& program, const std::vector<std::string>& args,
                int timeoutSeconds) {
  // Output to a file, not a pipe: Chromium's helper processes can hold a pipe open after the
  // browser itself has exited.
  const testing::TempDir scratch;
  const fs::path log = scratch / "ut.txt";
  std::string command =
      "timeout -k 5 " + std::to_string(timeoutSeconds) + " " + shellQuoted(program);
  for (const std::string& arg : args) command += " " + shellQuoted(arg);
  command += " >" + shellQuoted(log.string()) + " 2>&1 </dev/null";
  const int status = std::system(command.c_str());
  ToolRun run;
  run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (fs::exists(log)) run.output = testing::readFile(log);
  return run;
}

std::optional<fs::path> onPath(std::string_view name) {
  const char* path = std::getenv("PATH");
  std::istringstream folders(path ? path : "/usr/bin:/bin");
  for (std::string folder; std::getline(folders, folder, ':');) {
    const fs::path candidate = fs::path(folder.empty() ? "." : folder) / name;
    if (fs::is_regular_file(candidate) && ::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

std::optional<fs::path> debianPython(const std::vector<std::string>& modules) {
  const fs::path python = "/usr/bin/python3";
  if (!fs::exists(python)) return std::nullopt;
  std::string imports = "import sys";
  for (const std::string& module : modules) imports += ", " + module;
  if (runTool(python.string(), {"-c", imports}, 60).exitCode != 0) return std::nullopt;
  return python;
}

std::optional<fs::path> vnuJar() {
  const fs::path jar = testing::repoPath("tools/node_modules/vnu-jar/build/dist/vnu.jar");
  if (!fs::is_regular_file(jar)) return std::nullopt;
  return jar;
}

std::string missingTool(std::string_view what, std::string_view debianPackage) {
  return std::string(what) + " saknas, så testet hoppas över: installera med " +
         "scripts/bootstrap.sh klienter (Debian-paketet " + std::string(debianPackage) + ")";
}

std::vector<std::pair<fs::path, double>> inkShares(const fs::path& python,
                                                   const std::vector<fs::path>& pngs) {
  std::vector<std::string> args = {testing::repoPath("tests/clients/ink_share.py").string()};
  for (const fs::path& png : pngs) args.push_back(png.string());
  const ToolRun run = runTool(python.string(), args, 120);
  std::vector<std::pair<fs::path, double>> shares;
  if (run.exitCode != 0) throw std::runtime_error("ink_share.py: " + run.output);
  std::istringstream lines(run.output);
  for (std::string line; std::getline(lines, line);) {
    const std::size_t tab = line.rfind('\t');
    if (tab == std::string::npos) continue;
    shares.emplace_back(line.substr(0, tab), std::stod(line.substr(tab + 1)));
  }
  return shares;
}

std::vector<std::pair<std::string, std::string>> pdfInfo(const fs::path& pdfinfo,
                                                         const fs::path& pdf) {
  const ToolRun run = runTool(pdfinfo.string(), {"-enc", "UTF-8", pdf.string()}, 60);
  if (run.exitCode != 0) throw std::runtime_error("pdfinfo: " + run.output);
  std::vector<std::pair<std::string, std::string>> fields;
  std::istringstream lines(run.output);
  for (std::string line; std::getline(lines, line);) {
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::size_t start = line.find_first_not_of(' ', colon + 1);
    fields.emplace_back(line.substr(0, colon),
                        start == std::string::npos ? "" : line.substr(start));
  }
  return fields;
}

}  // namespace namnd::clients
