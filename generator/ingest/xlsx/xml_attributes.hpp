#pragma once
// Attribute lookup by local name, whatever namespace prefix the producer used.

#include <Poco/SAX/Attributes.h>

#include <string>
#include <string_view>

namespace namnd {

// The value of the first attribute whose local name is localName, or nullptr.
inline const std::string* findAttribute(const Poco::XML::Attributes& attributes,
                                        std::string_view localName) {
  const int count = attributes.getLength();
  for (int i = 0; i < count; ++i) {
    if (attributes.getLocalName(i) == localName) return &attributes.getValue(i);
  }
  return nullptr;
}

}  // namespace namnd
