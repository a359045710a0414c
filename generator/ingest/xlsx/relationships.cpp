#include "ingest/xlsx/relationships.hpp"

#include <Poco/SAX/DefaultHandler.h>

#include "ingest/xlsx/xml_attributes.hpp"
#include "ingest/xlsx/xml_part_parser.hpp"

namespace namnd {
namespace {

class RelationshipsHandler final : public Poco::XML::DefaultHandler {
 public:
  explicit RelationshipsHandler(std::vector<Relationship>& out) : out_(out) {}

  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& localName,
                    const Poco::XML::XMLString&, const Poco::XML::Attributes& attributes) override {
    if (localName != "Relationship") return;
    Relationship relationship;
    if (const std::string* id = findAttribute(attributes, "Id")) relationship.id = *id;
    if (const std::string* type = findAttribute(attributes, "Type")) relationship.type = *type;
    if (const std::string* target = findAttribute(attributes, "Target")) {
      relationship.target = *target;
    }
    if (const std::string* mode = findAttribute(attributes, "TargetMode")) {
      relationship.external = *mode == "External";
    }
    out_.push_back(std::move(relationship));
  }

 private:
  std::vector<Relationship>& out_;
};

}  // namespace

std::string relationshipsPartName(std::string_view sourcePart) {
  const std::size_t slash = sourcePart.rfind('/');
  const std::string_view folder =
      slash == std::string_view::npos ? std::string_view{} : sourcePart.substr(0, slash + 1);
  const std::string_view file =
      slash == std::string_view::npos ? sourcePart : sourcePart.substr(slash + 1);
  std::string name(folder);
  name += "_rels/";
  name += file;
  name += ".rels";
  return name;
}

std::string resolveRelationshipTarget(std::string_view sourcePart, std::string_view target) {
  std::string path;
  if (!target.empty() && target.front() == '/') {
    path = target.substr(1);
  } else {
    const std::size_t slash = sourcePart.rfind('/');
    if (slash != std::string_view::npos) path = sourcePart.substr(0, slash + 1);
    path += target;
  }

  std::vector<std::string_view> segments;
  std::string_view rest = path;
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    if (segment.empty() || segment == ".") continue;
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
      continue;
    }
    segments.push_back(segment);
  }
  std::string resolved;
  for (const std::string_view segment : segments) {
    if (!resolved.empty()) resolved += '/';
    resolved += segment;
  }
  return resolved;
}

bool hasRelationshipType(const Relationship& relationship, std::string_view typeName) {
  const std::string_view type = relationship.type;
  return type.size() > typeName.size() && type.ends_with(typeName) &&
         type[type.size() - typeName.size() - 1] == '/';
}

std::vector<Relationship> readRelationships(const ZipPackage& package,
                                            std::string_view relationshipsPart) {
  std::vector<Relationship> relationships;
  if (!package.contains(relationshipsPart)) return relationships;
  RelationshipsHandler handler(relationships);
  parseXmlPart(package, relationshipsPart, handler);
  return relationships;
}

}  // namespace namnd
