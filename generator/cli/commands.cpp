#include "cli/commands.hpp"

namespace namnd {

const std::vector<Command>& commands() {
  static const std::vector<Command> kCommands = {
      {"manadsrapport", "skriver månadsrapporten (xlsx och html) för en period",
       R"(Användning: namnd manadsrapport --config FIL --period ÅÅÅÅMM [--prognos ÅÅÅÅMM]
                          [--jamfor ÅÅÅÅMM] [--ut MAPP] [--pdf]

Läser in indata som konfigurationen pekar ut (filer som redan är inlästa hoppas över),
och skriver månadsrapporten som manadsrapport-ÅÅÅÅMM.xlsx och .html i utdatamappen.

  --config FIL       konfigurationsfilen för nämnden (t.ex. data/exempel/namnd.json)
  --ut MAPP          skriv till MAPP i stället för konfigurationens "utdata"
  --period ÅÅÅÅMM    rapportperioden; ack = januari till och med denna månad
  --prognos ÅÅÅÅMM   visa prognosen lämnad denna månad (standard: enligt konfigurationen,
                     "senaste" eller "delar" = augustiprognosen)
  --jamfor ÅÅÅÅMM    jämför den senaste prognosen med den som lämnades denna månad (samma år,
                     före den senaste); standard: augustiprognosen när den senaste är senare än
                     augusti, annars föregående prognos under året
  --pdf              skriv också en PDF (samma namn, .pdf) med Chromium; fel om Chromium
                     saknas (konfigurationens "pdf": true gör samma sak men varnar bara)
  --help             visa denna hjälp
)",
       runManadsrapport},
      {"delarsrapport", "skriver delårsrapporten (eller halvårsrapporten) med tjänsteskrivelse",
       R"(Användning: namnd delarsrapport --config FIL --per ÅÅÅÅ-MM-DD [--pdf]

Läser in indata som konfigurationen pekar ut och skriver delårsrapporten per den givna
månadens sista dag som delarsrapport-ÅÅÅÅMMDD.xlsx och .html i utdatamappen: tjänsteskrivelse
(fälten i konfigurationens "delarsrapport"), sammanfattning, RSUM-tabellen, tabellen per
ansvarsområde, kommentarer per område, bilaga fördelning per ansvarsnivå och kontroller.
Föregående års kolumner räknas med periodens organisation. Prognosen är den senaste som
lämnats under året till och med perioden. Per 30 juni heter rapporten halvårsrapport
(mallens "rapportnamn").

  --config FIL        konfigurationsfilen för nämnden
  --ut MAPP           skriv till MAPP i stället för konfigurationens "utdata"
  --per ÅÅÅÅ-MM-DD    rapportdatum, en månads sista dag (t.ex. 2025-08-31 eller 2025-06-30)
  --pdf               skriv också en PDF (samma namn, .pdf) med Chromium; fel om Chromium
                      saknas (konfigurationens "pdf": true gör samma sak men varnar bara)
  --help              visa denna hjälp
)",
       runDelarsrapport},
      {"avvikelser",
       "skriver halvårsrapporten avvikelser (SoL, LSS och HSL) för ett halvår eller år",
       R"(Användning: namnd avvikelser --config FIL --period ÅÅÅÅH1|ÅÅÅÅH2|ÅÅÅÅ [--pdf]

Läser avvikelseregistren som konfigurationens "avvikelser" pekar ut (en eller flera CSV-
eller Excel-filer, t.ex. en HSL-export och en SoL/LSS-export) och skriver rapporten som
avvikelser-PERIOD.xlsx och .html i utdatamappen: tjänsteskrivelse, översikt över tidigare
år, per verksamhet och enhet, händelsetyper, HSL per kategori, externa avvikelser, lex Sarah
och lex Maria, enheter med få rapporter och kontroller.

Rapporter räknas efter registreringsdatum: en rapport som registrerats efter periodens slut
hör till nästa rapport även om händelsen inträffade tidigare. Systemens egna namn på typ,
kategori, händelsetyp, riktning och status översätts med "taxonomi" i konfigurationen; namn
som saknas där räknas upp i ett felmeddelande, och ingen rapport skrivs. Fritext och
personuppgifter läses aldrig in i rapporten; personer räknas bara som antal.

  --config FIL      konfigurationsfilen för nämnden
  --ut MAPP         skriv till MAPP i stället för konfigurationens "utdata"
  --period PERIOD   ett halvår (2025H1, 2025H2) eller ett helt år (2025)
  --pdf             skriv också en PDF (samma namn, .pdf) med Chromium; fel om Chromium
                    saknas (konfigurationens "pdf": true gör samma sak men varnar bara)
  --help            visa denna hjälp
)",
       runAvvikelser},
      {"prognosunderlag", "skriver prognosunderlag som enhetscheferna fyller i (xlsx)",
       R"(Användning: namnd prognosunderlag --config FIL --period ÅÅÅÅMM

Läser in indata som konfigurationen pekar ut och skriver ett prognosunderlag per enhet
till utdatamappen/prognosunderlag/ÅÅÅÅMM/: prognosunderlag-ÅÅÅÅMM-ENHET.xlsx, eller
en arbetsbok prognosunderlag-ÅÅÅÅMM.xlsx med ett blad per enhet när konfigurationen
säger "prognosunderlag": {"uppdelning": "en_bok"}.

Varje blad visar per ansvar ack utfall, ack budget, avvikelse, budget helår, föregående
prognos och kommentar, och ett förslag till helårsprognos (linjär framskrivning eller
enligt budgetens periodisering; metoden står på raden). Enhetschefen fyller i de gula
cellerna: ny prognos som avvikelse eller som helårsutfall, kommentar och åtgärd. Övriga
celler är låsta. De ifyllda arbetsböckerna läses in med namnd import när konfigurationen
har en prognosfil {"fil": "MAPP", "format": "prognosunderlag"}.

  --config FIL       konfigurationsfilen för nämnden
  --ut MAPP          skriv till MAPP i stället för konfigurationens "utdata"
  --period ÅÅÅÅMM    perioden; ack = januari till och med denna månad
  --help             visa denna hjälp
)",
       runPrognosunderlag},
      {"kontroll", "skriver datakontrollen för en period (xlsx och html)",
       R"(Användning: namnd kontroll --config FIL --period ÅÅÅÅMM [--pdf]

Läser in indata som konfigurationen pekar ut och skriver kontroll-ÅÅÅÅMM.xlsx och
.html: avstämning på öret (Σ indata = Σ redovisat + Σ ej placerat), avvisade rader med
fil, rad och kolumn, ansvar och konton som inte går att placera, rader utanför året,
perioder som finns i flera filer, dubbla verifikationer, budget utan utfall och utfall
utan budget, organisationsändringar och noder utan förälder.

  --config FIL       konfigurationsfilen för nämnden
  --ut MAPP          skriv till MAPP i stället för konfigurationens "utdata"
  --period ÅÅÅÅMM    perioden; ack = januari till och med denna månad
  --pdf              skriv också en PDF (samma namn, .pdf) med Chromium; fel om Chromium
                     saknas (konfigurationens "pdf": true gör samma sak men varnar bara)
  --help             visa denna hjälp
)",
       runKontroll},
      {"nyckeltal", "skriver nyckeltal ur katalogen (kr/invånare, övertid i årsarbetare …)",
       R"(Användning: namnd nyckeltal --config FIL --period ÅÅÅÅMM[,ÅÅÅÅMM…] [--matt ID …]
                        [--format xlsx|csv|html] [--ut MAPP] [--pdf]

Läser in indata som konfigurationen pekar ut (oförändrade filer hoppas över) och räknar
nyckeltal enligt definitionerna i nyckeltalskatalogen (mallarnas nyckeltal.json och
konfigurationens "nyckeltal.katalog"). Skriver nyckeltal-ÅÅÅÅMM.xlsx, .html eller .csv i
utdatamappen, ÅÅÅÅMM = den senaste perioden: en tabell per nyckeltal med en rad per
organisationsnod och period, samma period föregående år och mål. Arbetsboken har också
bladen Definitioner (formel och storheter) och Underlag (varje värde som ingår); på
HTML-sidan står underlaget i fotnoter. Ett nyckeltal som inte kan räknas visas som "–"
med en fotnot som säger varför.

  --config FIL       konfigurationsfilen för nämnden
  --ut MAPP          skriv till MAPP i stället för konfigurationens "utdata"
  --period ÅÅÅÅMM    perioden; flera perioder skiljs med komma (202012,202112)
  --matt ID          nyckeltalets id i katalogen; kan upprepas eller skrivas med komma
                     (standard: konfigurationens "nyckeltal.urval", annars alla)
  --format FORMAT    xlsx (standard), csv (långt format: kommun;period;id;org;värde) eller
                     html; flera med komma
  --pdf              skriv också webbsidan som PDF med Chromium (kräver html i --format)
  --help             visa denna hjälp
)",
       runNyckeltal},
      {"kor", "gör månadens alla rapporter för en nämnd eller för varje körning i en jobbfil",
       R"(Användning: namnd kor --jobb FIL [--jobb-tradar N] [--korning K] [FLAGGOR]
       namnd kor --config FIL --period ÅÅÅÅMM|senast_stangda [--ut MAPP] [FLAGGOR]

Gör rapporterna för varje körning i jobbfilen (eller för en nämnd med rapporterna i
konfigurationens "rapporter"): läser in det som ändrats, gör varje rapport med samma kommando
som när den görs ensam, och skriver dem till UTDATA/KOMMUN/NÄMND/ÅÅÅÅMM/. En rapport vars
indata, konfiguration, mallar och program är oförändrade sedan den senast gjordes hoppas över
(det står i sammanfattningen); en ändrad indatafil gör om bara de rapporter som läser den.
Körningarna går parallellt, var och en i en egen process; körningar med samma lager går efter
varandra. En körning som misslyckas stoppar inte de andra. Efteråt skrivs sammanfattningen,
en logg per körning av jobbet (UTDATA/logg/korning-DATUM-TID.log och .json) och
översiktssidan UTDATA/index.html. Slutkoden är 0 när alla körningar lyckades, annars 1.

Jobbfilen (JSON, sökvägar relativa till filen; se README):
  {"utdata": "output", "pdf": false, "korningar": [
    {"config": "namnd.json", "period": "senast_stangda",
     "rapporter": ["manadsrapport", "prognosunderlag", "kontroll",
                   {"rapport": "nyckeltal", "perioder": ["202412"], "matt": ["sjukfranvaro"]}]},
    {"config": "namnd.json", "period": "202508",
     "rapporter": [{"rapport": "delarsrapport", "per": "2025-08-31"}, "avvikelser"]}]}
Rapporter: manadsrapport, prognosunderlag, delarsrapport ("per": standard periodens sista
dag), halvarsrapport (delårsrapporten per 30 juni), avvikelser ("period": standard det senaste
halvår som perioden avslutat), kontroll, nyckeltal ("matt", "perioder", "format").
"senast_stangda" = huvudbokens senaste månad före innevarande månad.

  --jobb FIL          jobbfilen
  --jobb-tradar N     högst N körningar samtidigt (standard: antalet processorkärnor)
  --korning K         gör bara körning nummer K i jobbfilen
  --config FIL        en nämnds konfiguration (i stället för --jobb)
  --period PERIOD     ÅÅÅÅMM eller senast_stangda (med --config)
  --ut MAPP           utdatamappen (med --config; standard: konfigurationens "utdata")
  --tvinga            gör alla rapporter, också de som är oförändrade
  --torrkorning       visa vad som skulle göras; inget läses in och inget skrivs (så fel i
                      indatafilerna syns först när körningen görs)
  --tyst              ingen förloppsrad och ingen sammanfattning när allt lyckas
  --pdf               skriv också PDF av rapporterna som har en webbsida (kräver Chromium)
  --idag ÅÅÅÅ-MM-DD   dagens datum för "senast_stangda" (standard: datorns klocka)
  --resultat FIL      (med --korning) skriv körningens resultat som JSON till FIL; jobbet
                      använder det för sina egna processer
  --help              visa denna hjälp
)",
       runKor},
      {"import", "läser in huvudbok, budget och prognoser till lagret",
       R"(Användning: namnd import --config FIL

Läser in varje huvudbok-, budget- och prognosfil som konfigurationen pekar ut. En fil
med exakt samma innehåll som redan finns i lagret hoppas över; en ändrad fil ersätter
den tidigare inläsningen av samma fil. Varje fil läses in i en egen transaktion.
Avvisade rader räknas upp med fil, rad och kolumn.

  --config FIL   konfigurationsfilen för nämnden
  --help         visa denna hjälp
)",
       runImport},
      {"db", "skapar eller uppgraderar lagrets schema i PostgreSQL eller ClickHouse",
       R"(Användning: namnd db init|migrate (--config FIL | --lager URI)

  init      skapar lagrets tabeller i en databas som saknar dem (i ClickHouse på varje
            skärva); ett lager som redan har aktuell version lämnas orört
  migrate   uppgraderar ett lager med äldre schemaversion, ett steg i taget i var sin
            transaktion; tabellen schema_version visar versionen

Ett delat lager (PostgreSQL, ClickHouse) skapas och uppgraderas bara med dessa kommandon,
så att ingen enskild körning ändrar schemat för de andra. Ett SQLite-lager skapar och
uppgraderar sig självt när det öppnas; kommandona visar då bara dess version.

  --config FIL   ta lagret ur konfigurationens "lager"
  --lager URI    lagret direkt: sqlite:SÖKVÄG, postgresql:ANSLUTNING eller
                 clickhouse:VÄRD:PORT[,VÄRD:PORT…]/DATABAS (se README, Lager)
  --help         visa denna hjälp
)",
       runDb},
      {"exempeldata", "skriver exempelkommunens genererade indata",
       R"(Användning: namnd exempeldata --ut MAPP

Skriver exempelkommunens huvudbok (SIE 4 för 2024, CSV för 2025), budget (helårs-,
månads- och ombudgeteringsrader), prognoser (Excel) och avvikelseregister 2022–2025
(HSL som CSV, SoL/LSS som Excel) till MAPP. Resultatet är detsamma byte för byte vid
varje körning.

  --ut MAPP   mappen att skriva till (t.ex. data/exempel/genererat)
  --help      visa denna hjälp
)",
       runExempeldata},
      {"galleri", "skriver en översiktssida (index.html) med länkar till rapporterna i en mapp",
       R"(Användning: namnd galleri --ut MAPP [--config FIL] [--mallar MAPP]

Letar upp rapporterna i MAPP och dess undermappar (.html, .xlsx och .pdf; lagret i mappen
"lager" och tillfälliga filer hoppas över) och skriver MAPP/index.html: en tabell med varje
rapport en gång, med titel, slag och period och länkar till webbsidan, arbetsboken och PDF:en.
Rapporterna står efter slag i nämndens årsordning (månadsrapport, prognosunderlag,
delårsrapport, avvikelser, kontroll, övriga) och därefter period, senaste först. Varje
körning som "namnd kor" har gjort (en mapp KOMMUN/NÄMND/PERIOD med körningens
.namnd-korning.json) får en egen tabell, senaste period först; rapporter utanför körningarna
står i en tabell sist. Samma rapporter ger samma sida byte för byte.

  --ut MAPP       mappen med rapporterna (standard: konfigurationens "utdata")
  --config FIL    konfigurationsfilen för nämnden: sidans rubrik får kommun och nämnd, och
                  mallarna tas från konfigurationens "mallar"
  --mallar MAPP   mallmappen (standard: konfigurationens "mallar", annars ./templates)
  --help          visa denna hjälp
)",
       runGalleri},
  };
  return kCommands;
}

}  // namespace namnd
