#include "cli/example_delar.hpp"

#include <string>
#include <system_error>

#include "core/errors.hpp"
#include "render/atomic_output_file.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;

// Two groups as the papers show them: projects run by tekniska nämnden, and the nämnd's own.
// The example ledger has result accounts only (investments are booked on class 1), so utfall
// January–August comes from the project ledger in the file (Lärkan has nothing booked yet: a
// typed 0, since an empty cell in a file that carries utfall is "uppgift saknas"). A report per
// June finds no June utfall and says so. The ledger's only projekt, P2501 (the
// äldreomsorgslyftet grant), is drift and is named in the investment checks.
constexpr const char* kInvesteringar =
    "projekt;namn;grupp;budget;ombudgetering;prognos;utfall;period;kommentar\n"
    "92010;Ombyggnad Lindgården etapp 2;S:a investeringar via tekniska "
    "nämnden;18000000;2350000;20350000;11842317,50;202508;Ombyggnaden följer tidplanen. "
    "Inflyttning i de nya lägenheterna planeras till februari 2026.\n"
    "92011;Förstudie nytt särskilt boende;S:a investeringar via tekniska "
    "nämnden;0;-310000;-310000;-310000;202508;Förstudien avslutades 2024 och överskridandet förs "
    "mot årets ram.\n"
    "92012;Tillgänglighetsanpassning Björkgården;S:a investeringar via tekniska "
    "nämnden;1500000;0;1200000;620450;202508;Upphandlingen blev billigare än beräknat.\n"
    "93101;Inventarier socialnämnden;S:a investeringar egna;500000;0;500000;212380;202508;\n"
    "93102;Larm och trygghetsteknik särskilt boende;S:a investeringar "
    "egna;1200000;400000;1600000;864900;202508;Bytet av larmsystem på Ekbacken och Sjöhaga "
    "slutförs under hösten.\n"
    "93103;Nyckelfria lås hemtjänst;S:a investeringar egna;600000;150000;750000;388125;202508;\n"
    "93104;Nytt verksamhetssystem IFO;S:a investeringar egna;1000000;0;0;0;202508;Upphandlingen är "
    "överprövad. Införandet flyttas till 2026 och räknas då delvis som driftskostnad.\n"
    "93105;Hjälpmedel hemsjukvård;S:a investeringar egna;300000;0;;141560;202508;\n"
    "93106;Inventarier Korttidsenheten Solbacken;S:a investeringar "
    "egna;250000;100000;350000;298240;202508;\n"
    "93107;Digitala nattkameror;S:a investeringar egna;400000;0;250000;96000;202508;Färre kameror "
    "än planerat behövs i år.\n"
    "93108;IT-infrastruktur;S:a investeringar egna;200000;0;200000;88310;202508;\n"
    "93109;Möbler gruppbostad Lärkan;S:a investeringar egna;150000;0;150000;0;202508;Möblerna köps "
    "in under hösten.\n";

// Each change with the month it was decided: a halvårsrapport per June shows only the first two.
constexpr const char* kBudgetram =
    "omrade;belopp;kommentar;beslutad\n"
    "Lönepott 2025;4180000;Avser lönerevision apr-dec 2025;202505\n"
    "Kapitalkostnadspott;215000;Avser kapitalkostnader jan-aug 2025;202508\n"
    "Effektiviseringsfond;480000;Effektiviseringsprojekt hemtjänst samt nyckelfria lås;202503\n"
    "Hyreskompensation Lindgården;320000;Avser ökad hyra efter ombyggnad, sep-dec 2025;202508\n";

// Mixed cells as the published tables have them: numbers, percents, fractions, "n st", values per
// verksamhet, and markers for values that do not exist. The typed Delår values are per August
// (Period 202508): a report per June leaves them out.
constexpr const char* kMal =
    "Målområde;Vision;Nämndsmål;Mätetal;Utfall 2023;Utfall 2024;Mål 2025;Delår 2025;Prognos "
    "2025;Status;Fotnot;Fotnotstext;Beräkning;Period\n"
    "En hållbar och inkluderande kommun;Vi tar ansvar för vår gemensamma "
    "framtid.;Socialförvaltningen ska använda resurserna effektivt genom samverkan.;Antal "
    "samordnade individuella planer (SIP), upprättade;9 st;14 st;öka 10%;11 st;16 "
    "st;uppfyllt;*;;;202508\n"
    "En hållbar och inkluderande kommun;;Socialförvaltningen ska använda resurserna effektivt "
    "genom samverkan.;Andel enheter med budget i balans;58%;70%;100%;55%;75%;ej "
    "uppfyllt;;;;202508\n"
    "En hållbar och inkluderande kommun;;Socialförvaltningen ska använda resurserna effektivt "
    "genom samverkan.;;;;;;;delvis uppfyllt;;;;\n"
    "En hållbar och inkluderande kommun;;Socialförvaltningen ska använda resurserna effektivt "
    "genom samverkan.;;;;;;;;*;Antalet registrerade SIP:ar i SAMSA.;;\n"
    "En hållbar och inkluderande kommun;;Socialförvaltningen ska arbeta förebyggande och med "
    "tidiga insatser.;Registreringar i Senior alert och BPSD;31 SA / 48 BPSD;27 SA / 19 BPSD;35 SA "
    "/ 50 BPSD;22 SA / 17 BPSD;34 SA / 26 BPSD;delvis uppfyllt;;;;202508\n"
    "En välkomnande och attraktiv kommun;Vi arbetar för en trygg och stimulerande "
    "miljö.;Socialförvaltningen ska vara en god och attraktiv arbetsgivare.;Arbetet känns "
    "meningsfullt;4,3;*;4,7;*;*;;* ***;;;202508\n"
    "En välkomnande och attraktiv kommun;;Socialförvaltningen ska vara en god och attraktiv "
    "arbetsgivare.;Sjukfrånvaro (%);10,2%;9,8 %;7%;10,9%;10%;ej uppfyllt;;;;202508\n"
    "En välkomnande och attraktiv kommun;;Socialförvaltningen ska vara en god och attraktiv "
    "arbetsgivare.;Personalomsättning, chefer;3/18;4/18;2/18;5/19;5/19;ej uppfyllt;;;;202508\n"
    "En välkomnande och attraktiv kommun;;Socialförvaltningen ska vara en god och attraktiv "
    "arbetsgivare.;Andel heltidsanställda;;;75%;;72%;delvis uppfyllt;;;andel(heltidsanstallda, "
    "anstallda);202508\n"
    "En välkomnande och attraktiv kommun;;Socialförvaltningen ska vara en god och attraktiv "
    "arbetsgivare.;Andel arbetad tid utförd av timanställda;ÄO 18,1% SS 16,0%;ÄO 17,9% SS 15,2%;ÄO "
    "12% SS 10%;ÄO 17,4% SS 15,5 %;ÄO 17% SS 15%;delvis uppfyllt;;;;202508\n"
    "En välkomnande och attraktiv kommun;;Socialförvaltningen ska vara en god och attraktiv "
    "arbetsgivare.;;;;;;;;*;Medarbetarenkäten genomförs vartannat år och gjordes inte 2024 och "
    "2025.;;\n"
    "En välkomnande och attraktiv kommun;;Socialförvaltningen ska vara en god och attraktiv "
    "arbetsgivare.;;;;;;;;***;Skala 1-5, där 5 är mycket meningsfullt.;;\n"
    "En utvecklande kommun;Vi skapar infrastruktur i framkant.;Socialförvaltningen ska arbeta med "
    "digitala lösningar och ny teknik.;Antal nattkameror inom hemtjänsten;6;9;14;11;12;delvis "
    "uppfyllt;;;;202508\n"
    "En utvecklande kommun;;Socialförvaltningen ska arbeta med digitala lösningar och ny "
    "teknik.;Antal nyckelfria lås inom hemtjänsten;104 st (35% av brukarna);151/310 49% av "
    "brukarna;60% av brukarna;142/268 53% av brukarna;100% av brukarna;delvis uppfyllt;;;;202508\n"
    "En utvecklande kommun;;Socialförvaltningen ska arbeta med digitala lösningar och ny "
    "teknik.;Antal digitala tillsynsbesök (helår);8 420;12 115;15 000;9 860;**;;**;;;202508\n"
    "En utvecklande kommun;;Socialförvaltningen ska arbeta med digitala lösningar och ny "
    "teknik.;;;;;;;;**;Helårsprognosen lämnas när höstens planering är klar.;;\n";

// Verksamhetsmått och nyckeltal: three computed from the volymer (cli/example_volymer), with
// Utfall 2023 and 2024 computed too (the cells are left empty), and three typed per August.
constexpr const char* kVerksamhetsmatt =
    "Område;Mått;Utfall 2023;Utfall 2024;Delår 2025;Beräkning;Decimaler;Period\n"
    "Kommunen;Antal invånare;;;;senaste(invanare);;\n"
    "Äldreomsorg;Andel utförd av beviljad tid i hemtjänsten;;;;"
    "andel(summa(utford_tid), summa(beviljad_tid));1;\n"
    "Äldreomsorg;Antal brukare med hemtjänst;287;301;312;;;202508\n"
    "Äldreomsorg;Beläggning särskilt boende;97 %;98 %;96 %;;;202508\n"
    "Individ- och familjeomsorg;Placeringsdygn barn, unga och vuxna;;;;summa(placeringsdygn);;\n"
    "Individ- och familjeomsorg;Hushåll med ekonomiskt bistånd per månad;142;151;163;;;202508\n";

}  // namespace

void writeExampleDelar(const fs::path& outDir) {
  createOutputFolder(outDir);
  writeFileAtomically(outDir / "investeringar-2025.csv", kInvesteringar);
  writeFileAtomically(outDir / "budgetram-2025.csv", kBudgetram);
  writeFileAtomically(outDir / "mal-2025.csv", kMal);
  writeFileAtomically(outDir / "verksamhetsmatt-2025.csv", kVerksamhetsmatt);
}

}  // namespace namnd
