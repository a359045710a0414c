#include "ingest/xlsx/shared_strings.hpp"

#include <Poco/SAX/DefaultHandler.h>

#include <algorithm>
#include <charconv>

#include "ingest/xlsx/xml_attributes.hpp"
#include "ingest/xlsx/xml_part_parser.hpp"

namespace namnd {
namespace {

// uniqueCount is only a hint for reserve(); a lying file must not make us allocate gigabytes.
constexpr std::size_t kMaxReservedStrings = 1 << 20;

class SharedStringsHandler final : public Poco::XML::DefaultHandler {
 public:
  explicit SharedStringsHandler(std::vector<std::string>& strings) : strings_(strings) {}

  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& localName,
                    const Poco::XML::XMLString&, const Poco::XML::Attributes& attributes) override {
    if (localName == "si") {
      inItem_ = true;
      current_.clear();
    } else if (localName == "t") {
      inText_ = inItem_ && phoneticDepth_ == 0;
    } else if (localName == "rPh") {
      ++phoneticDepth_;
    } else if (localName == "sst") {
      reserve(attributes);
    }
  }

  void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& localName,
                  const Poco::XML::XMLString&) override {
    if (localName == "t") {
      inText_ = false;
    } else if (localName == "rPh") {
      --phoneticDepth_;
    } else if (localName == "si") {
      inItem_ = false;
      strings_.push_back(current_);
    }
  }

  void characters(const Poco::XML::XMLChar ch[], int start, int length) override {
    if (inText_) current_.append(ch + start, static_cast<std::size_t>(length));
  }

 private:
  void reserve(const Poco::XML::Attributes& attributes) {
    const std::string* count = findAttribute(attributes, "uniqueCount");
    if (!count) return;
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(count->data(), count->data() + count->size(), n);
    if (ec == std::errc{} && end == count->data() + count->size()) {
      strings_.reserve(std::min(n, kMaxReservedStrings));
    }
  }

  std::vector<std::string>& strings_;
  std::string current_;
  bool inItem_ = false;
  bool inText_ = false;
  int phoneticDepth_ = 0;
};

}  // namespace

std::vector<std::string> readSharedStrings(const ZipPackage& package, std::string_view partName) {
  std::vector<std::string> strings;
  SharedStringsHandler handler(strings);
  parseXmlPart(package, partName, handler);
  return strings;
}

}  // namespace namnd
