#pragma once
// Text put into HTML or SVG markup the renderers write themselves (Mustache escapes its own):
// & < > " ' as entities, so that a name from an input file is never read as markup.

#include <string>
#include <string_view>

namespace namnd {

std::string escapeXml(std::string_view text);

}  // namespace namnd
