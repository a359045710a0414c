#include "ingest/xlsx/xml_part_parser.hpp"

#include <Poco/SAX/ContentHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/LexicalHandler.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>

#include <string>

#include "core/errors.hpp"

namespace namnd {
namespace {

// Entity expansion (billion laughs) and external entities need a DTD; OOXML parts never have
// one, so any DTD is refused the moment the parser meets it.
class DtdRefusal final : public Poco::XML::LexicalHandler {
 public:
  DtdRefusal(const std::string& displayName, std::string_view partName)
      : displayName_(displayName), partName_(partName) {}

  void startDTD(const Poco::XML::XMLString&, const Poco::XML::XMLString&,
                const Poco::XML::XMLString&) override {
    throw InputError({displayName_}, "delen " + std::string(partName_) +
                                         " innehåller en DTD (<!DOCTYPE ...>), vilket inte är "
                                         "tillåtet i en xlsx-fil; filen avvisas");
  }
  void endDTD() override {}
  void startEntity(const Poco::XML::XMLString&) override {}
  void endEntity(const Poco::XML::XMLString&) override {}
  void startCDATA() override {}
  void endCDATA() override {}
  void comment(const Poco::XML::XMLChar[], int, int) override {}

 private:
  const std::string& displayName_;
  std::string_view partName_;
};

// Poco appends " in line L column C" to expat's reason; the message says that in Swedish.
std::string withoutPosition(const std::string& message) {
  return message.substr(0, message.find(" in line "));
}

}  // namespace

void parseXmlPart(const ZipPackage& package, std::string_view partName,
                  Poco::XML::ContentHandler& handler) {
  package.readPart(partName, [&](std::istream& in) {
    using Poco::XML::XMLReader;
    DtdRefusal dtdRefusal(package.displayName(), partName);
    Poco::XML::SAXParser parser;
    parser.setFeature(XMLReader::FEATURE_NAMESPACES, true);
    parser.setFeature(XMLReader::FEATURE_NAMESPACE_PREFIXES, false);
    parser.setFeature(XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
    parser.setFeature(XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
    parser.setProperty(XMLReader::PROPERTY_LEXICAL_HANDLER,
                       static_cast<Poco::XML::LexicalHandler*>(&dtdRefusal));
    parser.setContentHandler(&handler);
    Poco::XML::InputSource source(in);
    const std::string where = "delen " + std::string(partName);
    try {
      parser.parse(&source);
    } catch (const Poco::XML::SAXParseException& e) {
      throw InputError({package.displayName()}, where + " innehåller felaktig XML på rad " +
                                                    std::to_string(e.getLineNumber()) +
                                                    ", kolumn " +
                                                    std::to_string(e.getColumnNumber()) + " (" +
                                                    withoutPosition(e.message()) + ")");
    } catch (const Poco::Exception& e) {
      throw InputError({package.displayName()},
                       where + " kan inte tolkas som XML (" + e.displayText() + ")");
    }
  });
}

}  // namespace namnd
