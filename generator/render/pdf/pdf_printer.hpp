#pragma once
// A written HTML report → PDF beside it, printed by headless Chromium (render/pdf/
// chromium_locator.hpp finds it). Chromium prints with the page's own print stylesheet (A4, page
// breaks, "Sida n av m") and writes a tagged PDF whose title is the page's <title> and whose
// language is its lang="sv" (PDF /Title and /Lang), which screen readers and PDF/UA checkers need.

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace namnd {

// The file: URL of an absolute path; every byte outside RFC 3986's unreserved characters and '/'
// is percent-encoded ("Nämnd rapporter" → "N%C3%A4mnd%20rapporter").
std::string fileUrl(const std::filesystem::path& absolute);

// Chromium's arguments (without the program) to print the page `html` to `pdf` using the profile
// folder `profile`; all three absolute. No header or footer of Chromium's own (the page's print
// stylesheet has its page numbers), bookmarks from the page's headings, no sandbox (it cannot
// start as root or in most containers), and only fatal messages on the terminal.
std::vector<std::string> chromiumPrintArguments(const std::filesystem::path& html,
                                                const std::filesystem::path& pdf,
                                                const std::filesystem::path& profile);

// Prints `html` to `pdf` with the Chromium executable `chromium`, in a fresh temporary profile
// that is removed afterwards. The PDF appears all at once (temp file + rename); when Chromium
// fails, exceeds `timeout` (it is then killed) or writes no PDF, OutputError (Swedish, with the
// end of Chromium's messages) and `pdf` is left as it was.
void printHtmlToPdf(const std::filesystem::path& chromium, const std::filesystem::path& html,
                    const std::filesystem::path& pdf,
                    std::chrono::milliseconds timeout = std::chrono::minutes(2));

}  // namespace namnd
