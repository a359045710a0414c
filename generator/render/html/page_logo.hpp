#pragma once
// The municipality's logo on a page: templates/html/logo.svg inlined into the header (the page
// stays one file), named for a screen reader as "<kommun>s logotyp".

#include <filesystem>
#include <string>

namespace namnd {

// The logo's <svg> element, ready to inline: anything before it (XML declaration, comments) left
// out, its namespace declarations dropped (a page needs none), role="img" and a first <title>
// naming it added. Empty when templates/html/logo.svg does not exist. OutputError (Swedish,
// naming the file) when it has no <svg> element, or has a script, an event attribute or a link
// outside the file: the page runs no code and fetches nothing.
std::string inlineLogo(const std::filesystem::path& templatesDir, const std::string& kommun);

// "Exempelby kommuns logotyp"; a name ending in s, x or z takes no extra s ("Borås logotyp").
std::string logoTitle(const std::string& kommun);

}  // namespace namnd
