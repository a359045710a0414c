#pragma once
// The shared string table (xl/sharedStrings.xml) that t="s" cells index into.

#include <string>
#include <string_view>
#include <vector>

#include "ingest/xlsx/zip_package.hpp"

namespace namnd {

// Each <si> as the text a reader sees: plain <t>, or its rich-text runs <r><t> concatenated;
// phonetic hints (<rPh>) are left out. Whitespace is kept as stored (xml:space="preserve").
std::vector<std::string> readSharedStrings(const ZipPackage& package, std::string_view partName);

}  // namespace namnd
