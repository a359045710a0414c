#include "ingest/xlsx/workbook_index.hpp"

#include <Poco/SAX/DefaultHandler.h>

#include <algorithm>

#include "core/errors.hpp"
#include "ingest/xlsx/relationships.hpp"
#include "ingest/xlsx/xml_attributes.hpp"
#include "ingest/xlsx/xml_part_parser.hpp"

namespace namnd {
namespace {

constexpr std::string_view kDefaultWorkbookPart = "xl/workbook.xml";

struct DeclaredSheet {
  std::string name;
  std::string relationshipId;
};

class WorkbookHandler final : public Poco::XML::DefaultHandler {
 public:
  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& localName,
                    const Poco::XML::XMLString&, const Poco::XML::Attributes& attributes) override {
    if (localName == "sheet") {
      DeclaredSheet sheet;
      if (const std::string* name = findAttribute(attributes, "name")) sheet.name = *name;
      if (const std::string* id = findAttribute(attributes, "id")) sheet.relationshipId = *id;
      sheets.push_back(std::move(sheet));
    } else if (localName == "workbookPr") {
      const std::string* date1904 = findAttribute(attributes, "date1904");
      if (date1904 && (*date1904 == "1" || *date1904 == "true")) {
        dateSystem = ExcelDateSystem::k1904;
      }
    }
  }

  std::vector<DeclaredSheet> sheets;
  ExcelDateSystem dateSystem = ExcelDateSystem::k1900;
};

std::string findWorkbookPart(const ZipPackage& package) {
  for (const Relationship& relationship : readRelationships(package, relationshipsPartName(""))) {
    if (!relationship.external && hasRelationshipType(relationship, "officeDocument")) {
      return resolveRelationshipTarget("", relationship.target);
    }
  }
  // Without a package relationship the conventional name is all there is to go on.
  return std::string(kDefaultWorkbookPart);
}

}  // namespace

WorkbookIndex readWorkbookIndex(const ZipPackage& package) {
  const auto error = [&](const std::string& reason) {
    return InputError({package.displayName()}, reason);
  };

  const std::string workbookPart = findWorkbookPart(package);
  if (!package.contains(workbookPart)) {
    throw error("arbetsboken saknar delen " + workbookPart + " och är ingen giltig xlsx-fil");
  }
  WorkbookHandler workbook;
  parseXmlPart(package, workbookPart, workbook);
  if (workbook.sheets.empty()) throw error("delen " + workbookPart + " anger inga blad");

  const std::string relationshipsPart = relationshipsPartName(workbookPart);
  if (!package.contains(relationshipsPart)) {
    throw error("arbetsboken saknar delen " + relationshipsPart +
                " och bladen kan därför inte hittas");
  }
  const std::vector<Relationship> relationships = readRelationships(package, relationshipsPart);

  WorkbookIndex index;
  index.dateSystem = workbook.dateSystem;
  index.sheets.reserve(workbook.sheets.size());
  for (DeclaredSheet& declared : workbook.sheets) {
    const auto relationship =
        std::find_if(relationships.begin(), relationships.end(),
                     [&](const Relationship& r) { return r.id == declared.relationshipId; });
    if (relationship == relationships.end() || relationship->external) {
      throw error("bladet \"" + declared.name + "\" saknar sin del i " + relationshipsPart);
    }
    index.sheets.push_back(SheetEntry{std::move(declared.name),
                                      resolveRelationshipTarget(workbookPart, relationship->target),
                                      hasRelationshipType(*relationship, "worksheet")});
  }

  for (const Relationship& relationship : relationships) {
    if (!relationship.external && hasRelationshipType(relationship, "sharedStrings")) {
      index.sharedStringsPart = resolveRelationshipTarget(workbookPart, relationship.target);
    }
  }
  if (index.sharedStringsPart.empty()) {
    // Some writers forget the relationship but still write the part where Excel puts it.
    const std::string conventional = resolveRelationshipTarget(workbookPart, "sharedStrings.xml");
    if (package.contains(conventional)) index.sharedStringsPart = conventional;
  }
  return index;
}

}  // namespace namnd
