#pragma once
// The real clients the tests in tests/clients run over the reports (Chromium, the Nu HTML
// Checker, poppler, Debian's python3 with openpyxl and Pillow): where each is, and running one
// with a time limit. A test whose client is missing is skipped with a message naming it and how
// to install it (scripts/bootstrap.sh klienter), never passed silently.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace namnd::clients {

struct ToolRun {
  int exitCode = -1;   // 124 when the time limit ended it
  std::string output;  // stdout and stderr together
};

// Runs `program` with `args` (each quoted for the shell), killed after `timeoutSeconds`.
ToolRun runTool(const std::string& program, const std::vector<std::string>& args,
                int timeoutSeconds);

// An executable called `name` in a folder of PATH.
std::optional<std::filesystem::path> onPath(std::string_view name);

// Debian's python3 (/usr/bin/python3, not a pyenv one first on PATH) when it can import every
// module named (e.g. "openpyxl", "PIL").
std::optional<std::filesystem::path> debianPython(const std::vector<std::string>& modules);

// tools/node_modules/vnu-jar/build/dist/vnu.jar, when `npm ci` in tools/ has put it there.
std::optional<std::filesystem::path> vnuJar();

// "… saknas: installera med scripts/bootstrap.sh klienter (…)" for a GTEST_SKIP message.
std::string missingTool(std::string_view what, std::string_view debianPackage);

// The share of a PNG's pixels that carry ink (darker than light grey), by Pillow.
// Keyed by the path as given.
std::vector<std::pair<std::filesystem::path, double>> inkShares(
    const std::filesystem::path& python, const std::vector<std::filesystem::path>& pngs);

// What `pdfinfo` says of a PDF: "Pages", "Title", "Tagged" … → value.
std::vector<std::pair<std::string, std::string>> pdfInfo(const std::filesystem::path& pdfinfo,
                                                         const std::filesystem::path& pdf);

}  // namespace namnd::clients
