#pragma once
// OPC relationship parts (*.rels): how a package finds its workbook, sheets and shared strings.

#include <string>
#include <string_view>
#include <vector>

#include "ingest/xlsx/zip_package.hpp"

namespace namnd {

struct Relationship {
  std::string id;
  std::string type;    // a URI ending in e.g. "/officeDocument", "/worksheet", "/sharedStrings"
  std::string target;  // as written: relative to the source part's folder, or absolute ("/xl/…")
  bool external = false;
};

// The .rels part of a source part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels";
// "" (the package itself) → "_rels/.rels".
std::string relationshipsPartName(std::string_view sourcePart);

// The part a target points to: relative targets are resolved against the folder of sourcePart,
// absolute ones against the package root; "." and ".." segments are resolved.
// ("xl/workbook.xml", "worksheets/sheet1.xml") → "xl/worksheets/sheet1.xml";
// ("xl/workbook.xml", "/xl/worksheets/sheet1.xml") → "xl/worksheets/sheet1.xml".
std::string resolveRelationshipTarget(std::string_view sourcePart, std::string_view target);

// True when the type URI names typeName as its last segment, in the transitional and the
// strict OOXML namespaces alike.
bool hasRelationshipType(const Relationship& relationship, std::string_view typeName);

// The relationships in a .rels part; none when the part does not exist.
std::vector<Relationship> readRelationships(const ZipPackage& package,
                                            std::string_view relationshipsPart);

}  // namespace namnd
