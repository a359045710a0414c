#pragma once
// Parses one XML part of a package with a SAX handler (Poco::XML over expat), streaming.

#include <string_view>

#include "ingest/xlsx/zip_package.hpp"

namespace Poco::XML {
class ContentHandler;
}

namespace namnd {

// Namespaces are processed, so handlers match local names whatever prefix a producer chose.
// A DTD (<!DOCTYPE ...>) is refused before its first declaration: no entity is ever declared,
// expanded or fetched. Throws InputError naming the file and the part for malformed XML.
// Exceptions thrown by the handler propagate unchanged.
void parseXmlPart(const ZipPackage& package, std::string_view partName,
                  Poco::XML::ContentHandler& handler);

}  // namespace namnd
