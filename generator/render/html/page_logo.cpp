#include "render/html/page_logo.hpp"

#include <regex>
#include <string_view>

#include "core/errors.hpp"
#include "render/html/template_file.hpp"
#include "render/html/xml_escape.hpp"

namespace namnd {
namespace {

// What would make the page run code or fetch something: a script, an event handler attribute
// (onload=…), a javascript: URL, or a link (href, xlink:href, src, url()) that is not "#…".
bool hasActiveContent(const std::string& svg) {
  static const std::regex kActive(
      R"(<\s*script|<\s*foreignObject|\son[a-z]+\s*=|javascript:|(href|src)\s*=\s*["'][^#]|url\(\s*["']?[^#"'\s])",
      std::regex::icase);
  return std::regex_search(svg, kActive);
}

}  // namespace

std::string logoTitle(const std::string& kommun) {
  if (kommun.empty()) return "Kommunens logotyp";
  const char last = kommun.back();
  const bool endsInS = last == 's' || last == 'x' || last == 'z';
  return kommun + (endsInS ? "" : "s") + " logotyp";
}

std::string inlineLogo(const std::filesystem::path& templatesDir, const std::string& kommun) {
  const std::filesystem::path file = templatesDir / "html" / "logo.svg";
  if (!std::filesystem::exists(file)) return "";
  const std::string content = readTemplateFile(file);

  static const std::regex kSvgStart(R"(<svg[\s>/])");
  std::smatch start;
  const std::size_t end = content.rfind("</svg>");
  if (!std::regex_search(content, start, kSvgStart) || end == std::string::npos ||
      end < static_cast<std::size_t>(start.position(0)))
    throw OutputError("Logotypen " + file.string() + " är inte en SVG-bild (<svg …>…</svg>)");
  std::string svg = content.substr(start.position(0), end + 6 - start.position(0));
  if (hasActiveContent(svg))
    throw OutputError("Logotypen " + file.string() +
                      " innehåller skript, händelseattribut eller länkar utanför filen; en "
                      "rapportsida kör ingen kod och hämtar ingenting");

  const std::size_t tagEnd = svg.find('>');
  std::string startTag = svg.substr(0, tagEnd);
  if (startTag.ends_with("/"))
    throw OutputError("Logotypen " + file.string() + " är en tom SVG-bild");
  // In an HTML page the <svg> element is in the SVG namespace without declaring it.
  static const std::regex kNamespaces(R"re(\s+xmlns(:xlink)?\s*=\s*("[^"]*"|'[^']*'))re");
  startTag = std::regex_replace(startTag, kNamespaces, "");
  static const std::regex kRole(R"(\srole\s*=)");
  if (!std::regex_search(startTag, kRole)) startTag += " role=\"img\"";
  return startTag + "><title>" + escapeXml(logoTitle(kommun)) + "</title>" + svg.substr(tagEnd + 1);
}

}  // namespace namnd
