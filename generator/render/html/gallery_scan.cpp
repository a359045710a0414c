#include "render/html/gallery_scan.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <system_error>

#include "core/errors.hpp"
#include "render/html/utf8_text.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kHeadBytes = 64 * 1024;  // a report's head is a few hundred bytes

std::string asciiLower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

bool isSkippedFolder(const std::string& name) { return name == "lager" || name.starts_with("."); }

// Temp files of AtomicOutputFile (".x.html.tmp-…") and LibreOffice locks (".~lock.x.xlsx#") are
// hidden; Excel's locks are "~$x.xlsx".
bool isSkippedFile(const std::string& name) {
  return name.starts_with(".") || name.starts_with("~");
}

// "&amp;" → "&", "&#229;" → "å" …; an unknown or malformed entity stays as written.
std::string decodeEntities(std::string_view text) {
  static const std::map<std::string, std::string, std::less<>> kNamed = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xC2\xA0"}};
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t semicolon = text[at] == '&' ? text.find(';', at) : std::string_view::npos;
    if (semicolon == std::string_view::npos || semicolon - at > 10) {
      out += text[at++];
      continue;
    }
    const std::string_view name = text.substr(at + 1, semicolon - at - 1);
    std::string decoded;
    if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      char32_t code = 0;
      bool ok = !digits.empty();
      for (const char c : digits) {
        const int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                          : hex && std::isxdigit(static_cast<unsigned char>(c))
                              ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                              : -1;
        if (digit < 0) ok = false;
        if (ok) code = code * (hex ? 16 : 10) + static_cast<char32_t>(digit);
      }
      if (ok) decoded = utf8Encode(code);
    } else if (const auto named = kNamed.find(name); named != kNamed.end()) {
      decoded = named->second;
    }
    if (decoded.empty()) {
      out += text[at++];
    } else {
      out += decoded;
      at = semicolon + 1;
    }
  }
  return out;
}

// Runs of white space (tabs, line breaks) as one space, none at the ends.
std::string collapseSpace(std::string_view text) {
  std::string out;
  bool pendingSpace = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      pendingSpace = !out.empty();
    } else {
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      out += c;
    }
  }
  return out;
}

std::string readHead(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return "";
  std::string head(kHeadBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

}  // namespace

std::string_view lastPathPart(std::string_view relative) {
  const std::size_t slash = relative.rfind('/');
  return slash == std::string_view::npos ? relative : relative.substr(slash + 1);
}

std::optional<std::string> htmlTitle(std::string_view html) {
  html = html.substr(0, kHeadBytes);
  const std::string lower = asciiLower(html);
  const std::size_t headEnd = std::min(lower.find("</head"), lower.find("<body"));
  std::size_t open = lower.find("<title");
  // "<title" must be the whole tag name ("<titlex>" is another element).
  while (open != std::string::npos && open + 6 < lower.size() && lower[open + 6] != '>' &&
         !std::isspace(static_cast<unsigned char>(lower[open + 6])))
    open = lower.find("<title", open + 6);
  if (open == std::string::npos || open > headEnd) return std::nullopt;
  const std::size_t textStart = lower.find('>', open);
  if (textStart == std::string::npos) return std::nullopt;
  const std::size_t close = lower.find("</title", textStart);
  if (close == std::string::npos) return std::nullopt;
  const std::string title =
      collapseSpace(decodeEntities(html.substr(textStart + 1, close - textStart - 1)));
  if (title.empty() || !isValidUtf8(title)) return std::nullopt;
  return title;
}

std::vector<ReportFiles> findReports(const fs::path& folder) {
  std::error_code ec;
  const fs::file_status status = fs::status(folder, ec);
  if (!fs::exists(status))
    throw InputError(SourceLocation{folder.string()},
                     "mappen finns inte (skriv rapporterna först, t.ex. med make report)");
  if (!fs::is_directory(status))
    throw InputError(SourceLocation{folder.string()}, "är inte en mapp");

  std::map<std::string, ReportFiles> byStem;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
  for (const fs::recursive_directory_iterator end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code entryError;  // a broken link is not a report, and no reason to stop
    if (it->is_directory(entryError)) {
      if (isSkippedFolder(name)) it.disable_recursion_pending();
      continue;
    }
    if (isSkippedFile(name) || !it->is_regular_file(entryError)) continue;
    const std::string relative = it->path().lexically_relative(folder).generic_string();
    if (relative == kGalleryFileName) continue;
    const std::string extension = asciiLower(it->path().extension().string());
    if (extension != ".html" && extension != ".xlsx" && extension != ".pdf") continue;

    const std::string stem = relative.substr(0, relative.size() - extension.size());
    ReportFiles& report = byStem[stem];
    report.stem = stem;
    if (extension == ".html") {
      report.html = relative;
      report.title = htmlTitle(readHead(it->path())).value_or("");
    } else if (extension == ".xlsx") {
      report.xlsx = relative;
    } else {
      report.pdf = relative;
    }
  }
  if (ec)
    throw InputError(SourceLocation{folder.string()}, "mappen kan inte läsas: " + ec.message());

  std::vector<ReportFiles> reports;
  reports.reserve(byStem.size());
  for (auto& [stem, report] : byStem) reports.push_back(std::move(report));
  return reports;
}

}  // namespace namnd
