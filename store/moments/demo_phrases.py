"""Words for the demo data: units, staff, themes, patient quotes, actions and KPIs.

Everything is invented. Patient quotes name no patient (privacy: count participants,
never list them); staff names are fine and are used as owners. Each theme carries the
route it mostly belongs to, the questions sent beforehand, what patients said (by kind),
the actions a practice took, and indicators (name, unit, direction, baseline, target).
"""

from __future__ import annotations

# (name, kind, relatiemanager, phases per route, themes, formats, default number of actions)
UNITS = [
    ("Huisartsenpraktijk De Linde", "practice", "Marloes Verhoeven", (2, 2, 1, 3),
     ("bereikbaarheid", "samen", "digitaal", "tijd"), ("spiegelgesprek", "inloopavond"), 18),
    ("Gezondheidscentrum Veldhoven-Zuid", "practice", "Bas van den Heuvel", (3, 2, 2, 2),
     ("digitaal", "bereikbaarheid", "verwijzen", "herhaal"), ("spiegelgesprek", "themabijeenkomst"), 22),
    ("Huisartsenpraktijk Het Kastanjehof", "practice", "Marloes Verhoeven", (1, 1, 1, 1),
     ("bereikbaarheid", "tijd", "uitslagen"), ("inloopavond", "spiegelgesprek"), 12),
    ("Huisartsen Maasoever", "practice", "Inge Smulders", (4, 3, 2, 3),
     ("samen", "ouderen", "verwijzen", "digitaal"), ("spiegelgesprek", "themabijeenkomst"), 16),
    ("Hagro Eindhoven-Noord", "hagro", "Bas van den Heuvel", (2, 3, 2, 2),
     ("samen", "digitaal", "tijd", "verwijzen"), ("spiegelgesprek", "themabijeenkomst"), 14),
    ("Gemeente Best", "municipality", "Inge Smulders", (2, 1, 3, 1),
     ("wmo", "eenzaamheid", "verwijzen"), ("focusgroep", "themabijeenkomst"), 10),
]
# Extra units when a benchmark asks for many actions: prefix + name (+ place if taken).
EXTRA_PREFIXES = ("Huisartsenpraktijk", "Gezondheidscentrum", "Huisartsengroep", "Medisch Centrum")
EXTRA_NAMES = (
    "De Eik", "Het Anker", "De Brug", "Kastanjelaan", "De Wilgen", "Het Baken", "De Kempen", "Stratum",
    "Woensel", "De Akkers", "Meerhoven", "De Hoeve", "Het Ven", "Tongelre", "De Beemd", "Oirschot",
    "Waalre", "Son", "Geldrop", "Mierlo", "Nuenen", "Eersel", "De Molen", "Het Dorp", "De Lindehof",
)
EXTRA_PLACES = ("Eindhoven", "Veldhoven", "Helmond", "Best", "Valkenswaard", "Geldrop", "Nuenen", "Waalre")
RELATIEMANAGERS = ("Marloes Verhoeven", "Bas van den Heuvel", "Inge Smulders", "Thijs Bakermans")
# Their login names ("my units"); Inge's is whoever runs the demo (store/moments/demo.py), so
# "my units" shows something on the demo for everyone who tries it.
LOGINS = {"Marloes Verhoeven": "marloes", "Bas van den Heuvel": "bas", "Thijs Bakermans": "thijs"}
DEMO_USER_RM = "Inge Smulders"
# The Hagro and municipality of the six units above (the Hagro by its unit's slug,
# as a Hagro that has a unit is named), and those of the extra practices by turn:
# Hagros named, as one typed in without a unit of its own is.
BELONGS = {
    "Huisartsenpraktijk De Linde": ("hagro-eindhoven-noord", "Eindhoven"),
    "Gezondheidscentrum Veldhoven-Zuid": ("Hagro Veldhoven", "Veldhoven"),
    "Huisartsenpraktijk Het Kastanjehof": ("hagro-eindhoven-noord", "Eindhoven"),
    "Huisartsen Maasoever": ("Hagro Kempen", "Best"),
    "Hagro Eindhoven-Noord": ("", "Eindhoven"),
    "Gemeente Best": ("", ""),
}
EXTRA_HAGROS = (("hagro-eindhoven-noord", "Eindhoven"), ("Hagro Eindhoven-Zuid", "Eindhoven"),
                ("Hagro Veldhoven", "Veldhoven"), ("Hagro Kempen", "Eersel"), ("Hagro Kempen", "Best"),
                ("Hagro Helmond", "Helmond"))

OWNERS = {
    "practice": ("dr. Jansen", "dr. El Amrani", "POH Sanne", "POH-GGZ Karim", "praktijkmanager Ruud",
                 "doktersassistente Fleur", "Team balie", "praktijkverpleegkundige Ilse"),
    "hagro": ("Hagro-bestuur", "kwaliteitscommissie Hagro", "dr. de Vries", "praktijkmanager Ruud", "POH Sanne"),
    "municipality": ("beleidsadviseur Wmo Mirjam", "Wmo-raad", "sociaal wijkteam", "consulent mantelzorg Joost"),
}
FACILITATORS = ("Marieke de Wit (zorggroep)", "Peter Hendriks (patiëntenplatform)", "Yvonne Claassen (zorggroep)")
MINUTE_TAKERS = ("praktijkmanager Ruud", "doktersassistente Fleur", "secretaris Wmo-raad", "stagiaire Lotte")
INPUTS = (["npa"], ["prem"], ["npa", "prem"], [], ["other"])

THEMES = {
    "bereikbaarheid": dict(
        theme="Bereikbaarheid en telefonische toegankelijkheid", route=4,
        questions=["Hoe ervaart u het bellen naar de praktijk?", "Wanneer lukt het niet om ons te bereiken?"],
        positive=["Als ik eenmaal iemand aan de lijn heb, wordt er echt naar me geluisterd.",
                  "De assistentes zijn vriendelijk, ook als het druk is.",
                  "Bij spoed werd ik dezelfde dag nog gezien."],
        leerpunt=["Ik sta 's ochtends soms twintig minuten in de wacht voordat ik iemand spreek.",
                  "Het keuzemenu is onduidelijk; ik weet niet welke toets ik moet kiezen.",
                  "Na half elf kun je alleen nog terugbellen en dan zit je de hele dag naast je telefoon.",
                  "Als je werkt, kun je alleen 's ochtends vroeg bellen en dan is het het drukst.",
                  "Ik wist niet dat er een terugbelservice was."],
        tip=["Zet in het keuzemenu een aparte toets voor uitslagen.",
             "Laat weten hoeveel wachtenden er voor je zijn.",
             "Bied een terugbelmoment aan op een afgesproken tijd."],
        recommendation=["Maak de telefonische bereikbaarheid onderdeel van de afspraken met de zorgverzekeraar."],
        actions=["Keuzemenu vereenvoudigen en aparte toets voor uitslagen", "Terugbelservice op afgesproken tijdstip invoeren",
                 "Extra bezetting balie tussen 8 en 10 uur", "Wachtrij-melding in telefooncentrale aanzetten",
                 "Telefonische spreekuren evalueren met het team"],
        kpis=[("Gemiddelde wachttijd telefoon", "min", "lower", 14.0, 5.0),
              ("Gesprekken binnen 5 minuten aangenomen", "%", "higher", 48.0, 80.0),
              ("Opgehangen in de wachtrij", "%", "lower", 22.0, 8.0)],
    ),
    "samen": dict(
        theme="Samen beslissen", route=1,
        questions=["Wanneer voelde u zich betrokken bij een keuze over uw behandeling?", "Wat had u nodig om mee te beslissen?"],
        positive=["De huisarts legde de voor- en nadelen van de medicijnen rustig uit.",
                  "Ik mocht zelf kiezen of ik eerst wilde afwachten.",
                  "De praktijkondersteuner vraagt altijd wat voor mij belangrijk is."],
        leerpunt=["Ik kreeg een recept mee zonder dat er naar mijn wensen werd gevraagd.",
                  "Ik wist niet dat er ook andere mogelijkheden waren dan een verwijzing.",
                  "Tijdens het consult is er geen tijd om na te denken; thuis komen de vragen pas.",
                  "Het voelt alsof de beslissing al genomen is voordat ik binnenkom."],
        tip=["Geef een keuzekaart of folder mee voor thuis.", "Vraag aan het begin: wat wilt u vandaag bereiken?",
             "Plan een tweede gesprek als er een grote keuze moet worden gemaakt."],
        recommendation=["Neem samen beslissen op in de scholing van alle zorgverleners."],
        actions=["Training 'Het andere gesprek' voor huisartsen en POH", "Keuzekaarten inzetten bij veelvoorkomende klachten",
                 "Drie goede vragen zichtbaar in de wachtkamer", "Dubbel consult aanbieden bij grote beslissingen",
                 "Pilot consultmodel Positieve Gezondheid bij POH-spreekuur"],
        kpis=[("Consulten met gedeelde besluitvorming (audit)", "%", "higher", 30.0, 60.0),
              ("Patiënten die zich betrokken voelden (PREM)", "%", "higher", 62.0, 85.0)],
    ),
    "digitaal": dict(
        theme="Digitale zorg / patiëntportaal", route=2,
        questions=["Gebruikt u het patiëntportaal, en waarvoor?", "Wat houdt u tegen om digitaal contact te hebben?"],
        positive=["Herhaalrecepten aanvragen via de app gaat snel en makkelijk.",
                  "Ik kan mijn uitslagen zelf terugzien; dat geeft rust.",
                  "Het e-consult wordt meestal binnen een dag beantwoord."],
        leerpunt=["Inloggen met DigiD in de app lukt mij niet zonder hulp.",
                  "Ik wist niet dat ik een e-consult kon sturen.",
                  "Voor ouderen voelt het alsof de praktijk alleen nog digitaal bereikbaar wil zijn.",
                  "De app geeft een melding, maar dan staat er niets in mijn berichten.",
                  "Uitslagen staan in het portaal zonder uitleg; daar schrik je van."],
        tip=["Organiseer een spreekuur waar iemand helpt met de app.", "Zet bij elke uitslag een korte uitleg.",
             "Houd altijd een telefonisch alternatief voor wie niet digitaal kan."],
        recommendation=["Zorg samen met de bibliotheek voor digitale vaardigheidscursussen."],
        actions=["Inloopspreekuur 'hulp bij de app' met vrijwilligers", "Patiëntportaal actief aanbieden bij de balie",
                 "Uitleg toevoegen bij laboratoriumuitslagen in het portaal", "Pilot e-consult voor chronische patiënten",
                 "Zelfmanagementmodule astma/COPD aanbieden", "PGO-voorlichting op de website"],
        kpis=[("Patiënten met actief portaalaccount", "%", "higher", 24.0, 45.0),
              ("E-consulten per maand", "aantal", "higher", 60.0, 150.0),
              ("Online herhaalrecepten", "%", "higher", 35.0, 60.0)],
    ),
    "tijd": dict(
        theme="Tijd en aandacht in het consult", route=4,
        questions=["Had u genoeg tijd tijdens uw laatste consult?", "Wat zou u doen met meer tijd bij de huisarts?"],
        positive=["Ik voel me bij deze praktijk gezien als mens, niet als nummer.",
                  "De huisarts neemt de tijd als het nodig is, ook als het uitloopt."],
        leerpunt=["Tien minuten is te kort als je meerdere klachten hebt.",
                  "Ik moet elke keer mijn verhaal opnieuw vertellen aan een andere arts.",
                  "In de wachtkamer zit je soms drie kwartier zonder bericht.",
                  "De arts kijkt meer naar het scherm dan naar mij."],
        tip=["Laat bij het maken van de afspraak vragen hoeveel klachten je hebt.",
             "Zeg het als het spreekuur uitloopt.", "Geef voorkeur voor een vaste huisarts."],
        recommendation=["Maak ruimte voor langere consulten in de financiering."],
        actions=["Pilot consult van 15 minuten voor kwetsbare ouderen", "Vaste huisarts per patiënt zichtbaar in het dossier",
                 "Melding van uitloop op scherm in de wachtkamer", "Taakherschikking: assistente doet bloeddrukcontroles",
                 "Werkdrukmeting en werkplezier in teamoverleg"],
        kpis=[("Consulten met dubbele tijd", "aantal", "higher", 20.0, 60.0),
              ("Gemiddelde uitloop spreekuur", "min", "lower", 25.0, 10.0),
              ("Werkplezier team (1–10)", "cijfer", "higher", 6.1, 7.5)],
    ),
    "verwijzen": dict(
        theme="Verwijzen naar welzijn en leefstijl", route=3,
        questions=["Bent u wel eens doorverwezen naar iemand buiten de praktijk?", "Wat weet u van het aanbod in de wijk?"],
        positive=["Via de praktijk kwam ik bij de beweeggroep in de wijk terecht; dat helpt echt.",
                  "De welzijnscoach belde zelf terug na de verwijzing."],
        leerpunt=["Ik kreeg een folder mee, maar wist niet wie ik moest bellen.",
                  "Niemand vroeg daarna hoe het met de verwijzing was gegaan.",
                  "Het aanbod in de wijk kende ik niet; dat had eerder gemogen.",
                  "Voor de leefstijlcursus moest ik zelf betalen en dat kon ik niet."],
        tip=["Geef een naam en telefoonnummer mee in plaats van een folder.",
             "Vraag bij de volgende afspraak hoe het gegaan is."],
        recommendation=["Maak één loket voor welzijn en zorg in de wijk.",
                        "Vergoed de gecombineerde leefstijlinterventie ruimer."],
        actions=["Welzijn op Recept invoeren met vaste contactpersoon", "Sociale kaart van de wijk bijwerken en delen",
                 "Warme overdracht naar welzijnscoach", "Terugkoppeling na verwijzing vastleggen in het HIS",
                 "GLI-coach spreekuur in de praktijk"],
        kpis=[("Verwijzingen naar welzijn per kwartaal", "aantal", "higher", 8.0, 30.0),
              ("Verwijzingen met terugkoppeling", "%", "higher", 20.0, 70.0)],
    ),
    "herhaal": dict(
        theme="Herhaalrecepten en samenwerking met de apotheek", route=4,
        questions=["Hoe gaat het ophalen van herhaalmedicatie?"],
        positive=["De apotheek en de praktijk weten meestal van elkaar wat er speelt."],
        leerpunt=["Mijn herhaalrecept was niet klaar terwijl de praktijk zei dat het verstuurd was.",
                  "Ik krijg steeds een ander merk pillen en niemand legt uit waarom.",
                  "Bij een medicijnwissel hoor ik het pas aan de balie van de apotheek."],
        tip=["Stuur een bericht als het recept klaarstaat."],
        recommendation=[],
        actions=["Werkafspraken herhaalmedicatie met de apotheek vastleggen", "Medicatiebeoordeling bij polyfarmacie plannen",
                 "Sms-bericht als herhaalrecept klaarstaat"],
        kpis=[("Klachten over herhaalrecepten per maand", "aantal", "lower", 12.0, 3.0)],
    ),
    "uitslagen": dict(
        theme="Uitslagen en informatievoorziening", route=2,
        questions=["Hoe hoort u uw uitslagen?", "Welke informatie mist u?"],
        positive=["De assistente belt zelf als een uitslag afwijkt."],
        leerpunt=["Ik moet zelf achter mijn uitslag aan bellen.",
                  "De website is verouderd; openingstijden kloppen niet.",
                  "Informatie over de vakantievervanging kreeg ik pas toen ik voor een dichte deur stond."],
        tip=["Spreek af wanneer en hoe je de uitslag hoort.", "Zet wijzigingen ook op een bord bij de ingang."],
        recommendation=[],
        actions=["Afspraak over terugkoppeling uitslagen bij elke aanvraag", "Website vernieuwen met actuele informatie",
                 "Nieuwsbrief voor patiënten twee keer per jaar"],
        kpis=[("Telefoontjes over uitslagen per week", "aantal", "lower", 45.0, 20.0)],
    ),
    "ouderen": dict(
        theme="Ouderenzorg en langer thuis wonen", route=3,
        questions=["Wat heeft u nodig om thuis te blijven wonen?"],
        positive=["De praktijkverpleegkundige komt thuis langs en kent de situatie."],
        leerpunt=["Als mantelzorger word ik niet betrokken bij de afspraken over mijn moeder.",
                  "Na een ziekenhuisopname wist niemand in de praktijk ervan.",
                  "Huisbezoek aanvragen voelt als een gunst."],
        tip=["Vraag wie de mantelzorger is en leg dat vast.", "Bel na een ontslag uit het ziekenhuis."],
        recommendation=["Werk met één zorgplan voor thuiszorg, huisarts en gemeente."],
        actions=["Mantelzorger vastleggen in het dossier", "Belronde na ziekenhuisontslag bij 75-plussers",
                 "Proactieve zorgplanning met kwetsbare ouderen", "Multidisciplinair overleg ouderenzorg elke zes weken"],
        kpis=[("Kwetsbare ouderen met zorgplan", "%", "higher", 35.0, 80.0),
              ("Ongeplande ziekenhuisopnames 75+ per kwartaal", "aantal", "lower", 18.0, 10.0)],
    ),
    "wmo": dict(
        theme="Wmo en mantelzorg", route=3,
        questions=["Hoe verliep uw aanvraag bij het Wmo-loket?", "Wat heeft u als mantelzorger nodig?"],
        positive=["Het keukentafelgesprek was persoonlijk en er werd goed geluisterd.",
                  "De mantelzorgwaardering wordt gewaardeerd."],
        leerpunt=["Het duurde twaalf weken voordat de huishoudelijke hulp begon.",
                  "Als mantelzorger weet ik niet waar ik terecht kan voor respijtzorg.",
                  "De brieven van de gemeente zijn moeilijk te begrijpen.",
                  "Elke keer moet ik aan een nieuwe consulent alles opnieuw uitleggen."],
        tip=["Schrijf brieven op B1-niveau.", "Geef één vaste consulent per gezin."],
        recommendation=["Beperk de doorlooptijd van een Wmo-aanvraag tot zes weken.",
                        "Richt een vast aanspreekpunt voor mantelzorgers in.",
                        "Betrek de Wmo-raad vroeg bij nieuw beleid."],
        actions=["Brieven Wmo herschrijven op B1-niveau", "Vaste consulent per huishouden", "Respijtzorg zichtbaar op de website",
                 "Doorlooptijd Wmo-aanvragen maandelijks rapporteren", "Mantelzorgcafé in elke wijk"],
        kpis=[("Doorlooptijd Wmo-aanvraag", "weken", "lower", 11.0, 6.0),
              ("Bekendheid respijtzorg onder mantelzorgers", "%", "higher", 30.0, 60.0)],
    ),
    "eenzaamheid": dict(
        theme="Eenzaamheid en meedoen in de wijk", route=3,
        questions=["Waar ontmoet u anderen in de wijk?"],
        positive=["Het buurthuis is een plek waar je zonder afspraak binnen kunt lopen."],
        leerpunt=["Sinds het buurthuis korter open is, zie ik bijna niemand meer.",
                  "Vervoer naar activiteiten is lastig zonder auto.", "Je moet zelf de weg vinden in het aanbod."],
        tip=["Zet activiteiten ook in de huis-aan-huiskrant."],
        recommendation=["Houd ontmoetingsplekken in elke wijk open.", "Zorg voor betaalbaar vervoer naar activiteiten."],
        actions=["Openingstijden buurthuis verruimen", "Vrijwillige chauffeursdienst uitbreiden", "Wijkkrant met activiteitenagenda"],
        kpis=[("Bezoekers buurthuis per maand", "aantal", "higher", 250.0, 400.0)],
    ),
}

PARK_REASONS = ("Past niet in het budget van dit jaar; we nemen het mee in het praktijkontwikkelplan van volgend jaar.",
                "Eerst de uitkomst van de pilot afwachten.", "Hangt af van landelijke afspraken met de zorgverzekeraar.")
DECLINE_REASONS = ("Valt buiten wat de praktijk kan regelen; doorgegeven aan de zorggroep.",
                   "Wettelijk niet toegestaan (privacy); we leggen dat uit in de terugkoppeling.",
                   "Wordt al gedaan; we maken het beter bekend.")
PDSA = {
    "plan": ("Doel: {kpi}. Aanpak met het team besproken.", "Eerst een maand proberen op één dagdeel.",
             "Nulmeting uit het HIS; doel afgesproken in het teamoverleg."),
    "do": ("Gestart op de maandag; de balie houdt een turflijst bij.", "Twee weken uitgevoerd door de pioniers.",
           "Uitgevoerd; niet elke dag gelukt door ziekte in het team."),
    "study": ("Eerste maand gaat de goede kant op.", "Patiënten reageren positief, het team vindt het nog wennen.",
              "Geen verschil zichtbaar; de meting klopt mogelijk niet."),
    "act": ("Uitbreiden naar alle dagen.", "Aanpassen en nog een cyclus draaien.", "Borgen in het werkproces."),
}
MEETING_NOTES = ("Goede sfeer; deelnemers vroegen om een vervolgbijeenkomst.", "Twee rondes gehouden; tweede ronde liep uit.",
                 "Afspiegeling: weinig jongeren en werkenden aanwezig.", "")

# The demo's practice visits (store/moments/demo.py `_visits`): staff are named, patients never.
VISIT_STAFF = "praktijkmanager"
VISIT_NOTES = (
    "Kennismaking: visie en ambities per route besproken.",
    "Voortgang acties doorgenomen; terugkoppeling aan deelnemers besproken.",
)
