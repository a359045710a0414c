#include "render/html/gallery_page.hpp"

#include <kainjow/mustache.hpp>

#include <cstdio>

#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "render/html/template_file.hpp"
#include "render/html/utf8_text.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using kainjow::mustache::data;
using kainjow::mustache::mustache;

// Mustache sections treat every string as true, so conditions are explicit booleans.
data flag(bool value) { return data(value ? data::type::bool_true : data::type::bool_false); }

// One cell of the files columns: a link named by the file, or a dash read out as "saknas".
data linkCell(const std::string& relative) {
  data cell;
  cell.set("present", flag(!relative.empty()));
  cell.set("href", relativeHref(relative));
  cell.set("name", withValidUtf8(lastPathPart(relative)));
  return cell;
}

data rowData(const GalleryEntry& entry, bool withPdf) {
  data row;
  row.set("title", entry.title);
  row.set("kind", entry.kind);
  row.set("period", entry.periodLabel);
  row.set("hasPeriod", flag(!entry.periodLabel.empty()));
  data links(data::type::list);
  links.push_back(linkCell(entry.files.html));
  links.push_back(linkCell(entry.files.xlsx));
  if (withPdf) links.push_back(linkCell(entry.files.pdf));
  row.set("links", links);
  return row;
}

std::string countSentence(std::size_t count, const ReportTexts& texts) {
  if (count == 0) return texts.text("antal.inga", {});
  if (count == 1) return texts.text("antal.en", {});
  return texts.text("antal.flera", {{"antal", formatInteger(static_cast<std::int64_t>(count))}});
}

}  // namespace

std::string relativeHref(std::string_view relativePath) {
  std::string href;
  for (const char c : relativePath) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
        (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      href += c;
    } else {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", byte);
      href += escaped;
    }
  }
  return href;
}

std::string galleryPage(const std::vector<GalleryGroup>& groups, const GalleryHeading& heading,
                        const ReportTexts& texts, const fs::path& templatesDir) {
  const fs::path templateFile = templatesDir / "html" / "galleri.mustache";
  mustache page(readTemplateFile(templateFile));
  if (!page.is_valid())
    throw OutputError("Mallen " + templateFile.string() +
                      " kan inte tolkas: " + page.error_message());

  const bool forNamnd = !heading.namnd.empty();
  PlaceholderValues names = {
      {"kommun", heading.kommun}, {"namnd", heading.namnd}, {"mapp", heading.folderLabel}};
  data d;
  d.set("title", texts.text(forNamnd ? "titel.namnd" : "titel.mapp", names));
  d.set("css", pageStyleSheet(templatesDir));

  std::size_t count = 0;
  bool withPdf = false;
  for (const GalleryGroup& group : groups) {
    count += group.entries.size();
    for (const GalleryEntry& entry : group.entries) withPdf = withPdf || !entry.files.pdf.empty();
  }
  d.set("countSentence", countSentence(count, texts));
  d.set("introduction", texts.text("inledning", names));

  data columns(data::type::list);
  for (const char* key : {"slag", "period", "html", "xlsx", "pdf"}) {
    if (std::string_view(key) == "pdf" && !withPdf) continue;
    columns.push_back(data("header", texts.text(std::string("kolumner.") + key, {})));
  }
  d.set("reportHeader", texts.text("kolumner.rapport", {}));
  d.set("columns", columns);
  d.set("missing", texts.text("saknas", {}));

  data groupList(data::type::list);
  for (const GalleryGroup& group : groups) {
    if (group.entries.empty()) continue;
    data rows(data::type::list);
    for (const GalleryEntry& entry : group.entries) rows.push_back(rowData(entry, withPdf));
    data g;
    g.set("caption", group.caption);
    g.set("rows", rows);
    groupList.push_back(g);
  }
  d.set("groups", groupList);

  const std::string html = page.render(d);
  if (!page.is_valid())
    throw OutputError("Mallen " + templateFile.string() +
                      " kan inte tolkas: " + page.error_message());
  return html;
}

}  // namespace namnd
