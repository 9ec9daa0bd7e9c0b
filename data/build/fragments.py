"""Hand-written German review fragments for the embedded dataset (written for this project).

Every sentence here was written by the project's authors for this tutorial; nothing is copied
from a public dataset. `compose.py` picks fragments per label and glues them into reviews.

Fragment lines in the blocks below read ``<polarity> [<category>:] <text>``:

* polarity ``+`` praise, ``-`` complaint, ``0`` neutral or mixed;
* optional product categories (``k:`` clothing, ``s:`` shoes, ``a:`` audio, ``t:`` other
  electronics, ``h:`` kitchen appliances, ``w:`` furniture, or several such as ``at:``) keep
  product-specific sentences ("nach zwei Wäschen Löcher drin") out of reviews about a toaster;
* slots in braces (``{tage}``, ``{ding}``, ...) are filled from `SLOTS` and `PRODUCTS`;
* ``[a|b]`` picks one alternative, so one line yields several surface forms.

Sections: ``# explicit`` names the topic ("Lieferung", "Kundenservice"); ``# implicit`` describes
it without the topic word ("hab dreimal angerufen, keiner ging ran"); ``# brief`` is a short
clause for a passing mention or a very short review. A section header may add styles after the
kind, e.g. ``# implicit irony``: ``negation`` ("Mit der Lieferung gab es keinerlei Probleme" is
still about delivery), ``comparison`` (with other shops or earlier orders) and ``irony`` (praise
words for a complaint). Styles are counted in the datasheet and spread over the splits.

Every line is one fragment. `bank.py` gives each an id, puts it into exactly one split (train,
validation or test) and refuses two fragments that can write the same sentence; so a sentence
added here must be new in its wording, not only in its tone or label.

Labelling rule used throughout: a label applies when the review says how something on that topic
went or is (good or bad). A mention without a judgement ("über die App bestellt", "mit PayPal
bezahlt", "den Kundenservice musste ich nie anrufen") does not count: those are the
`DISTRACTORS`, which carry a topic's words but not its label.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

LABELS: list[str] = [
    "Kundenservice",
    "Benutzererfahrung",
    "Lieferung",
    "Produktqualität",
    "Preis",
    "Zahlung",
    "Rückgabe",
    "Datenschutz",
]


class Fragment(NamedTuple):
    """One hand-written sentence (or clause) with its tone, product category and kind."""

    text: str
    polarity: str  # "+", "-" or "0"
    category: str | None  # letters of the product categories it fits ("k", "th"); None fits all
    kind: str  # "explicit", "implicit", "brief", "pair"
    style: tuple[str, ...] = ()  # "negation", "comparison", "irony": how the sentence gets at its topic


KINDS = ("explicit", "implicit", "brief")
STYLES = ("negation", "comparison", "irony")
CATEGORIES = "ksathw"  # clothing, shoes, audio, other electronics, kitchen appliances, furniture


class Product(NamedTuple):
    """A product with the article forms the slots need (all singular, so verbs agree)."""

    category: str
    nom: str  # "die Jacke" -> slot {ding}
    acc: str  # "den Rucksack" -> slot {dingakk}
    indef: str  # "einen Rucksack" -> slot {einding}


PRODUCTS: list[Product] = [
    # k: clothing
    Product("k", "die Jacke", "die Jacke", "eine Jacke"),
    Product("k", "die Hose", "die Hose", "eine Hose"),
    Product("k", "der Pullover", "den Pullover", "einen Pullover"),
    Product("k", "das Kleid", "das Kleid", "ein Kleid"),
    Product("k", "die Bluse", "die Bluse", "eine Bluse"),
    Product("k", "der Wintermantel", "den Wintermantel", "einen Wintermantel"),
    Product("k", "das Hemd", "das Hemd", "ein Hemd"),
    Product("k", "die Sporthose", "die Sporthose", "eine Sporthose"),
    Product("k", "der Schlafanzug", "den Schlafanzug", "einen Schlafanzug"),
    Product("k", "das Shirt", "das Shirt", "ein Shirt"),
    Product("k", "die Strickjacke", "die Strickjacke", "eine Strickjacke"),
    # s: shoes
    Product("s", "das Paar Sneaker", "das Paar Sneaker", "ein Paar Sneaker"),
    Product("s", "das Paar Wanderschuhe", "das Paar Wanderschuhe", "ein Paar Wanderschuhe"),
    Product("s", "das Paar Stiefel", "das Paar Stiefel", "ein Paar Stiefel"),
    Product("s", "das Paar Laufschuhe", "das Paar Laufschuhe", "ein Paar Laufschuhe"),
    # a: audio
    Product("a", "der Kopfhörer", "den Kopfhörer", "einen Kopfhörer"),
    Product("a", "der Lautsprecher", "den Lautsprecher", "einen Lautsprecher"),
    Product("a", "das Headset", "das Headset", "ein Headset"),
    # t: other electronics with a battery
    Product("t", "die Powerbank", "die Powerbank", "eine Powerbank"),
    Product("t", "die Smartwatch", "die Smartwatch", "eine Smartwatch"),
    Product("t", "das Tablet", "das Tablet", "ein Tablet"),
    Product("t", "der E-Reader", "den E-Reader", "einen E-Reader"),
    Product("t", "das Fitnessarmband", "das Fitnessarmband", "ein Fitnessarmband"),
    # h: electric kitchen appliances
    Product("h", "die Kaffeemaschine", "die Kaffeemaschine", "eine Kaffeemaschine"),
    Product("h", "der Wasserkocher", "den Wasserkocher", "einen Wasserkocher"),
    Product("h", "der Toaster", "den Toaster", "einen Toaster"),
    Product("h", "der Mixer", "den Mixer", "einen Mixer"),
    Product("h", "der Sandwichmaker", "den Sandwichmaker", "einen Sandwichmaker"),
    Product("h", "der Eierkocher", "den Eierkocher", "einen Eierkocher"),
    # w: furniture
    Product("w", "das Regal", "das Regal", "ein Regal"),
    Product("w", "der Schreibtischstuhl", "den Schreibtischstuhl", "einen Schreibtischstuhl"),
    Product("w", "der Wäscheständer", "den Wäscheständer", "einen Wäscheständer"),
    Product("w", "der Couchtisch", "den Couchtisch", "einen Couchtisch"),
    Product("w", "der Schuhschrank", "den Schuhschrank", "einen Schuhschrank"),
]

SLOTS: dict[str, list[str]] = {
    "tage": ["zwei", "drei", "vier", "fünf", "sechs", "acht", "zehn", "12"],
    "wochen": ["zwei", "drei", "vier", "sechs"],
    "mal": ["zweimal", "dreimal", "viermal", "fünfmal", "x-mal", "zig mal"],
    "minuten": ["20", "30", "40", "45", "50", "60"],
    "betrag": ["15", "19,99", "25", "29", "39", "49", "59,90", "79", "120"],
    "ersparnis": ["5", "8", "10", "15", "20"],
    "versand": ["3,95", "4,95", "5,90", "6,99"],
    "dienst": ["DHL", "Hermes", "DPD", "GLS", "UPS"],
    "zahlart": ["PayPal", "Kreditkarte", "Klarna", "Apple Pay", "Lastschrift", "Sofortüberweisung"],
    "person": ["meine Mutter", "meinen Vater", "meine Freundin", "meinen Sohn", "meine Oma",
               "einen Kollegen", "meine Nichte", "meinen Mann", "meine Frau", "meinen Patenonkel"],
    "tag": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
}

# --- topic fragments ------------------------------------------------------------------------

KUNDENSERVICE = """
# explicit
- Der Kundenservice ist eine einzige Katastrophe.
- Der Kundenservice hat auf meine Mail nach {tage} Tagen immer noch nicht geantwortet.
- Die Hotline ist dauerbesetzt, egal wann man anruft.
- Im Chat kriegt man nur Textbausteine, die mit meiner Frage nix zu tun haben.
- Die Dame an der Hotline war total unfreundlich und hat einfach aufgelegt.
- Der Support antwortet nur mit Standardfloskeln.
- Hab beim Kundendienst {mal} nachgefragt und jedes Mal was anderes gehört.
- Vom Service kam nur eine automatische Eingangsbestätigung, danach Funkstille.
- Der Kundenservice fühlt sich für gar nichts zuständig.
- Der Mitarbeiter an der Hotline hatte keine Ahnung und hat mich dreimal weiterverbunden.
- Kundenservice per Mail kann man [vergessen|knicken].
- Mein Ticket beim Support wurde einfach geschlossen, ohne dass irgendwas gelöst war.
- Die Warteschleife der Hotline ist eine Zumutung, {minuten} Minuten Gedudel.
- Die Servicemitarbeiterin war patzig und hat mich nicht ausreden lassen.
- Vom Kundenservice wird man immer nur vertröstet.
- Auf Nachfragen reagiert der Kundenservice überhaupt nicht.
- Der Chatbot versteht nix und einen echten Menschen erreicht man nicht.
- Der Kundendienst hat mir was zugesagt und sich dann nicht dran gehalten.
- Die Hotline kostet auch noch Geld und dann geht keiner ran.
- So einen unfähigen Kundenservice hab ich selten erlebt.
- Der Support hat meine Frage offensichtlich nicht mal gelesen.
- Der Kundenservice [schiebt|wälzt] die Schuld immer auf andere.
- Beim Kundenservice erreicht man [nur den Anrufbeantworter|nie jemanden].
+ Der Kundenservice war super freundlich und hat sofort geholfen.
+ Der Support hat innerhalb einer Stunde geantwortet, Respekt.
+ Die Hotline war schnell erreichbar und die Mitarbeiterin wusste sofort Bescheid.
+ Im Chat wurde mir [kompetent|schnell und freundlich] weitergeholfen.
+ Toller Kundenservice, so stell ich mir das vor.
+ Der Kundendienst hat sich sogar nochmal gemeldet, um zu fragen, ob jetzt alles passt.
+ Der Service am Telefon war kulant und total nett.
+ Der Mitarbeiter im Chat hat sich richtig Mühe gegeben.
+ Vom Support kam am nächsten Tag eine persönliche Antwort, kein Textbaustein.
+ Der Kundenservice ist erstklassig, da können sich andere eine Scheibe abschneiden.
+ Der Kundenservice hat mein Problem ohne großes Hin und Her gelöst.
+ Beim Kundendienst merkt man, dass die Leute wissen, wovon sie reden.
+ Großes Lob an den Kundenservice!
+ Die Hotline ist sogar am Wochenende besetzt, find ich stark.
0 Der Kundenservice war nett, hat mir am Ende aber auch nicht weitergeholfen.
0 Der Support ist freundlich, braucht aber immer ein paar Tage für eine Antwort.
0 An der Hotline hieß es erst so, per Mail vom Service dann ganz anders.
0 Der Kundenservice ist okay, mehr aber auch nicht.
0 Kundenservice [bemüht|freundlich], aber nicht besonders kompetent.
# implicit
- Hab {mal} angerufen, keiner ging ran.
- Auf meine E-Mail hat bis heute niemand reagiert.
- Nach {minuten} Minuten in der Warteschleife hab ich aufgegeben.
- Am Telefon wurde mir versprochen, dass sich jemand meldet. Gemeldet hat sich natürlich keiner.
- Wurde am Telefon dreimal weitergereicht und musste jedes Mal alles neu erklären.
- Es kommen nur automatische Mails zurück, ein Mensch antwortet da nie.
- Kontaktformular abgeschickt, nie wieder was gehört.
- Da sitzt offenbar niemand, der sich auskennt.
- Man wird immer nur vertröstet, "wir kümmern uns drum", passiert ist nix.
- Niemand fühlt sich zuständig, jeder schiebt es auf den nächsten.
- Ich hab das Gefühl, meine Nachrichten landen direkt im Papierkorb.
- Freundlich sind sie ja, aber helfen kann einem da keiner.
- Die Frau am Telefon hat mich behandelt, als wär ich zu blöd.
- Bei jeder Nachfrage muss man die Bestellnummer neu durchgeben, und dann passiert trotzdem nix.
- Seit {wochen} Wochen warte ich auf den versprochenen Rückruf.
- Auf meine Beschwerde kam eine Antwort, die überhaupt nicht zu meiner Frage gepasst hat.
- Man schreibt drei Mails und kriegt drei verschiedene Antworten.
- Die Dame am Telefon war genervt, bevor ich überhaupt was gesagt hatte.
- Im Chat hängt man ewig und dann bricht die Verbindung ab.
+ Die Frau am Telefon war total lieb und hat sich sofort drum gekümmert.
+ Hab ne Mail geschrieben und noch am selben Tag eine Lösung bekommen.
+ Der junge Mann am Telefon hat sich echt Zeit für mich genommen.
+ Die Antwort kam schnell und war sogar hilfreich, das erlebt man selten.
+ Kurze Nachricht hingeschrieben, zwei Stunden später war alles geklärt.
+ Die Mitarbeiterin hat mir von sich aus einen Gutschein angeboten, weil alles so lange gedauert hat.
+ Man merkt, dass da echte Menschen sitzen, die mitdenken.
+ ks: Auf meine Frage zur Größe kam eine richtig ausführliche Antwort.
+ Ich wurde wie versprochen zurückgerufen, sogar pünktlich.
+ Am Telefon wurde mir geduldig alles erklärt.
+ Die haben sich für den Fehler entschuldigt und sofort eine Lösung angeboten.
0 Die Leute am Telefon bemühen sich, aber man hängt ewig in der Leitung.
0 Die Antwort kam schnell, war aber nur ein Link zu den FAQ.
- Meine Mail wurde mit einem Satz abgespeist, der nichts mit meiner Frage zu tun hatte.
- In der App gibt's einen Chat, aber da antwortet nur ein Bot, der nichts versteht.
- Ich wollte nur wissen, wann mein Geld kommt, und hab drei verschiedene Antworten bekommen.
- Die Preise konnte mir am Telefon auch keiner erklären.
+ Am Telefon war man sehr bemüht, obwohl es nur um eine Kleinigkeit an der Lieferadresse ging.
+ Wegen einer Frage zum Paket kam innerhalb von Minuten eine freundliche Antwort.
# brief
+ Service top.
+ Kundenservice klasse.
+ Support nett und schnell.
- Hotline nie erreichbar.
- Kundendienst unterirdisch.
- Service mies.
0 Support naja.
+ Nette Leute am Telefon.
- Keine Antwort auf Mails.
- Keiner geht ans Telefon.
+ Super Beratung.
# explicit
- Der Kundenservice ist nur per Kontaktformular erreichbar, eine Telefonnummer gibt's nicht.
- Beim Support landet man nach jeder Frage wieder im Menü vom Anfang.
- Der Servicemitarbeiter hat mir einfach widersprochen, obwohl ich die Mail schwarz auf weiß hatte.
- Die Kundenbetreuung hat meine Reklamation [zweimal|dreimal] verschlampt.
- Vom Kundenservice kam eine Antwort auf Englisch, obwohl ich auf Deutsch geschrieben hab.
- Die Hotline ist nur werktags bis 16 Uhr besetzt, da arbeitet man ja selbst.
- Kundenservice gibt es hier praktisch nicht.
- Im Servicechat wurde ich nach {minuten} Minuten einfach rausgeworfen.
- Der Kundendienst duzt einen und ist dabei trotzdem völlig unhöflich.
- Die Servicehotline hat mir eine Rückrufnummer gegeben, die gar nicht existiert.
- Der Support schickt einem Links zu Hilfeseiten, die es nicht mehr gibt.
- Jeder beim Kundenservice erzählt was anderes, keiner weiß Bescheid.
+ Der Kundenservice hat sich sogar am Sonntag gemeldet.
+ Die Dame vom Kundendienst hat mir alles Schritt für Schritt erklärt.
+ Der Support hat sofort verstanden, worum es geht, ohne dass ich dreimal erklären musste.
+ Am Servicetelefon war nach zwei Minuten jemand dran.
+ Kundenservice wie früher im Fachgeschäft, persönlich und kompetent.
+ Der Chat-Support war freundlich und hat meine Frage in fünf Minuten geklärt.
+ Vom Kundendienst gab es eine ehrliche Antwort statt leerer Versprechungen.
+ Die Servicemitarbeiter sind geduldig, auch wenn man zum dritten Mal fragt.
0 Der Kundenservice antwortet schnell, aber meistens am Thema vorbei.
0 Die Hotline ist gut erreichbar, die Beratung dort eher dünn.
# explicit negation
+ Mit dem Kundenservice hatte ich bisher kein einziges Problem.
+ Über den Support kann ich nicht meckern, die waren immer schnell.
+ Der Kundendienst war nicht nur freundlich, sondern hat das Problem auch gelöst.
+ Am Kundenservice gibt es nichts auszusetzen.
- Der Kundenservice war keine Hilfe, nicht im Geringsten.
- Eine Antwort vom Support gab es nicht, auch nicht nach der dritten Mail.
- Hilfsbereit ist bei diesem Kundenservice niemand.
- Der Kundendienst hat sich nicht ein einziges Mal von selbst gemeldet.
+ Nie Probleme mit der Hotline gehabt, da geht immer wer ran.
# explicit comparison
- Bei anderen Shops antwortet der Kundenservice innerhalb von Stunden, hier dauert es Wochen.
+ Der Kundenservice ist um Längen besser als bei der großen Konkurrenz.
- Früher war der Support hier richtig gut, inzwischen ist er auf dem Niveau der Billigshops.
+ So einen netten Kundenservice hab ich bei keinem anderen Onlineshop erlebt.
- Im Vergleich zum Elektromarkt um die Ecke ist die Beratung an der Hotline ein Witz.
+ Die Hotline ist schneller erreichbar als die von meiner Krankenkasse, und das will was heißen.
- Der Chat hier ist noch schlechter als der von meinem Mobilfunkanbieter.
# explicit irony
- Ganz toller Kundenservice, der sich seit {wochen} Wochen nicht meldet.
- Danke an den Support für die fünfte Standardmail, die hat mir echt weitergeholfen.
- Die Hotline hat eine wunderbare Warteschleifenmusik, die kenn ich inzwischen auswendig.
- Großartiger Kundendienst: freundlich aufgelegt und nie wieder was gehört.
- Respekt an den Kundenservice, so konsequent ignoriert zu werden ist auch eine Leistung.
# implicit
- Jedes Mal, wenn ich anrufe, soll ich es schriftlich schicken, und auf das Schriftliche antwortet keiner.
- Die Antwort auf meine Frage bestand aus einem Satz und einem Smiley.
- Ich wurde zwischen drei Abteilungen hin und her geschickt.
- Mein Anliegen wurde weitergeleitet, und seitdem ist es irgendwo verschwunden.
- Bei der Nummer kommt immer nur die Ansage, dass gerade alle Leitungen belegt sind.
- Nachdem ich {mal} geschrieben hab, kam endlich eine Antwort, die nichts geklärt hat.
- Man bekommt eine Ticketnummer und dann nie wieder was.
- Der Typ am Telefon hat mich einfach unterbrochen und gesagt, da kann man nix machen.
- Auf eine simple Frage zur Bestellung hab ich {tage} Tage auf eine Antwort gewartet.
- Sie haben mir versprochen, mich zurückzurufen, und dann kam eine SMS mit einer Umfrage.
- Wer da in der Leitung sitzt, hat von den eigenen Produkten keine Ahnung.
- Mir wurde am Telefon gesagt, ich hätte mich verlesen, dabei stand es genau so auf deren Seite.
+ Ich hatte eine blöde Frage und trotzdem eine nette, ausführliche Antwort.
+ Nach fünf Minuten am Telefon war alles geklärt, ohne Warteschleife.
+ Auf meine Mail kam nach einer Stunde eine Antwort mit Namen und echter Unterschrift.
+ Man hat mir sofort zugehört und nicht erst irgendwelche Nummern abgefragt.
+ Die Frau im Chat hat sich extra nochmal bei der Lagerabteilung erkundigt.
+ Auf Nachfrage wurde mir ehrlich gesagt, was schiefgelaufen ist.
+ Da nimmt sich wirklich jemand Zeit für einen.
+ Ich hab mich am Telefon richtig gut aufgehoben gefühlt.
0 Man wird freundlich abgewimmelt, aber immerhin freundlich.
0 Am Telefon war jemand nett, aber die versprochene Mail kam nie.
# implicit negation
+ Ich musste nicht ein einziges Mal nachhaken, die haben sich selbst gemeldet.
+ Keine Warteschleife, keine Textbausteine, einfach eine schnelle Antwort.
- Niemand hat zurückgerufen, obwohl es mir zweimal versprochen wurde.
- Nicht mal eine Eingangsbestätigung für meine Anfrage kam zurück.
+ Ich kam nicht einmal in die Warteschleife, sondern direkt zu einem Menschen.
- Auf keine meiner Nachrichten hat jemand reagiert.
# implicit comparison
+ Bei meinem letzten Shop hab ich wochenlang auf Antworten gewartet, hier kam sie am selben Tag.
- Woanders ruft man an und das Problem ist gelöst, hier fängt das Drama dann erst an.
+ Da können sich manche Banken was abschauen, so freundlich wurde ich am Telefon selten behandelt.
- Die Beratung am Telefon war schlechter als beim Discounter an der Kasse.
# implicit irony
- Super, nach {minuten} Minuten in der Leitung endlich jemand dran, und dann aufgelegt.
- Die Antwort kam wirklich blitzschnell, nach nur drei Wochen.
- Sehr hilfreich war der Hinweis, ich solle doch mal in die FAQ schauen.
- Klasse, jetzt hab ich drei Ticketnummern und immer noch keine Lösung.
- Ich liebe es, meine Bestellnummer fünfmal durchzugeben.
# brief
+ Service spitze.
+ Hotline hilfsbereit.
+ Schnelle Antwort vom Support.
- Support lahm.
- Service unfreundlich.
- Hotline nervt.
0 Service mittelmäßig.
+ Kein Ärger mit dem Service.
- Keine Rückmeldung vom Support.
+ Kundendienst erstklassig.
- Chat nutzlos.
+ Lieb am Telefon.
"""

BENUTZERERFAHRUNG = """
# explicit
- Die App stürzt ständig ab.
- Die Website ist total unübersichtlich, man findet nix.
- Die Suchfunktion auf der Seite ist ein Witz, bei "Jacke" kommen Handyhüllen.
- Die Filter im Shop funktionieren nicht richtig.
- Seit dem letzten App-Update lädt gar nix mehr.
- Die Seite lädt ewig, vor allem am Handy.
- Der Warenkorb in der App leert sich einfach von selbst.
- Die Menüführung in der App ist total unlogisch.
- Der Login in der App klappt nur jedes zweite Mal.
- ks: Die Größentabelle findet man auf der Website nur mit Mühe.
- Die App ist vollgestopft mit Pop-ups.
- Die Schrift in der App ist winzig, {person} kommt damit gar nicht klar.
- Im Bestellverlauf der App sieht man nur die letzten drei Bestellungen.
- Die mobile Website ist eine Katastrophe, die Buttons liegen übereinander.
- Die App frisst Akku ohne Ende.
- Die Produktseiten im Shop sind so vollgepackt, dass man die wichtigen Infos übersieht.
- Die Navigation im Shop ist ein Labyrinth.
- Im Onlineshop verschwinden Artikel aus der Merkliste.
- Die App zeigt Artikel als verfügbar an, die dann doch ausverkauft sind.
- Die Website ist so langsam, dass ich zweimal abgebrochen hab.
- Die App ist [umständlich|kompliziert] und [hakelig|träge].
- Der Bestellvorgang auf der Seite ist viel zu verschachtelt.
+ Die App ist übersichtlich und läuft flüssig.
+ Die Website ist super aufgebaut, man findet alles auf Anhieb.
+ Bestellen über die App geht echt schnell und einfach.
+ Suchfunktion und Filter im Shop funktionieren prima.
+ Die neue App ist um Welten besser als die alte.
+ Die Merkliste in der App nutz ich ständig, voll praktisch.
+ Die Website ist schön schlicht, kein unnötiger Schnickschnack.
+ ks: Die App merkt sich meine Größe, das spart Zeit.
+ Der Shop ist auch am Handy gut bedienbar.
+ Die Produktbeschreibungen auf der Seite sind ausführlich und gut gegliedert.
+ Tolle App, läuft stabil und ist selbsterklärend.
+ Die Seite ist [angenehm|schön] übersichtlich.
0 Die App ist eigentlich ganz okay, nur die Suche nervt.
0 Die Website sieht schick aus, ist aber ziemlich lahm.
0 Am PC ist der Shop gut, die App dagegen eher hakelig.
0 Man gewöhnt sich an die App, intuitiv ist aber anders.
0 Die Seite ist übersichtlich, aber die Filter könnten besser sein.
- Die Website ist am Handy kaum zu benutzen.
+ Die App ist schnell und stürzt nie ab.
# implicit
- Man klickt sich dumm und dämlich, bis man endlich beim Warenkorb ist.
- ks: Hab ewig gesucht, bis ich die Größenangaben gefunden hab.
- Nach dem Update ist alles woanders, ich find nix mehr.
- Beim Scrollen springt alles hin und her.
- Jedes Mal, wenn ich was in den Korb legen will, hängt sich alles auf.
- Die Produktbilder laden nicht, man sieht nur graue Kästen.
- Auf dem Tablet ist das Layout komplett verschoben.
- Bin dreimal rausgeflogen, bevor die Bestellung endlich durch war.
- Ständig ploppt irgendein Fenster auf.
- Die Sortierung nach Preis funktioniert nicht, da kommt alles durcheinander.
- Man muss sich durch fünf Untermenüs hangeln.
- Ein Dunkelmodus fehlt, abends blendet das total.
- Meine Wunschliste war plötzlich leer, alles weg.
- Die Bewertungen anderer Kunden kann man nicht filtern.
- Der Zurück-Button schmeißt einen immer ganz an den Anfang.
- Wer hat sich diese Bedienung ausgedacht?
- Für jede Kleinigkeit muss man sich neu einloggen.
- Die Vergleichsfunktion zeigt bei Schuhen Angaben für Kühlschränke an.
- Beim Eingeben der Adresse springt der Cursor immer wieder raus.
- Ich hab {dingakk} dreimal in den Warenkorb gelegt, drin war nie was.
- Jede zweite Seite zeigt eine Fehlermeldung.
+ Alles mit zwei Klicks erledigt, so muss das sein.
+ Intuitiv bedienbar, auch für Leute wie mich, die nicht so technikaffin sind.
+ Man findet sich sofort zurecht.
+ Übersichtlich, schnell, keine nervigen Einblendungen.
+ Selbst {person} hat es geschafft, allein zu bestellen.
+ Das Bestellen ging so schnell, dass ich kurz dachte, es hat nicht geklappt.
+ ks: Die Größenberatung mit den zwei Fragen hat bei mir genau gepasst.
+ Man sieht auf einen Blick, wo die Bestellung gerade ist und was noch fehlt.
0 Funktioniert, aber man muss schon wissen, wo man klicken muss.
- Nach jedem Klick muss man wieder ganz nach oben scrollen.
+ Alles logisch aufgebaut, man muss nicht lange suchen.
- Der Preisfilter zeigt trotzdem Sachen für 500 Euro an.
- Die Lieferadresse lässt sich in der App nicht ändern, das Feld ist ausgegraut.
- Die Bewertungen zur Qualität stehen ganz unten, da scrollt man ewig.
- Wo man das Paket verfolgen kann, hab ich in der App erst nach Tagen gefunden.
+ Rechnung, Retoure, Sendungsstatus, alles findet man in der App an einer Stelle.
# brief
- App buggy.
- Website unübersichtlich.
+ App top.
+ Seite übersichtlich.
- App ständig abgestürzt.
+ Einfach zu bedienen.
0 App geht so.
- Shop am Handy unbrauchbar.
+ Bestellen kinderleicht.
- Seite lädt ewig.
# explicit
- Die App verlangt bei jedem Öffnen ein Update.
- Die Website ist am Tablet nur halb zu sehen, rechts wird alles abgeschnitten.
- Die Suchleiste im Shop findet nur exakte Artikelnummern.
- Die App ist so überladen, dass man den Warenkorb kaum findet.
- Die Checkout-Seite auf der Website lädt nach jedem Feld neu.
- Im Shop lassen sich die Produktbilder nicht vergrößern.
- Die Filter in der App setzen sich nach jedem Klick zurück.
- Die Website ist voller toter Links.
- Die App braucht zum Starten länger als mein alter Rechner.
- Die Seite zeigt ständig "Ein Fehler ist aufgetreten".
- Die Bedienung der App ist [ein Krampf|eine Zumutung].
- In der App ist die Schrift so hellgrau, dass man kaum was lesen kann.
+ Die App ist schlicht gehalten und dadurch echt angenehm.
+ Die Suche auf der Website schlägt schon beim Tippen die richtigen Sachen vor.
+ Die Seite lädt auch mit schlechtem Netz schnell.
+ Die Filter in der App sind super durchdacht.
+ Die Website ist barrierearm und gut lesbar, das ist selten.
+ Die App hat ein aufgeräumtes Design, nichts blinkt oder nervt.
+ Der Bestellprozess auf der Seite ist angenehm kurz.
+ Die Produktfotos im Shop kann man schön heranzoomen.
0 Die App ist hübsch, aber manche Knöpfe sind viel zu klein.
0 Die Website funktioniert, wirkt aber wie aus den 2000ern.
# explicit negation
+ Mit der App hatte ich noch nie Probleme.
+ Die Website hat nicht ein einziges Mal gehakt.
+ An der Bedienung der Seite gibt's nichts zu meckern.
- Die Suche in der App findet nicht mal Artikel, die auf der Startseite stehen.
- Die App ist nicht zu gebrauchen, nicht mal zum Stöbern.
- Eine vernünftige Sortierung gibt es in dem Shop nicht.
+ Die App ist kein bisschen überladen.
- Die Website ist alles andere als übersichtlich.
# explicit comparison
- Die App ist viel umständlicher als die von anderen großen Shops.
+ Die Website ist deutlich übersichtlicher als bei der Konkurrenz.
- Im Vergleich zur alten Version ist die neue App ein Rückschritt.
+ Die App läuft flüssiger als die meisten Banking-Apps, die ich kenne.
- Andere Onlineshops haben seit Jahren eine vernünftige Suche, hier fehlt sie immer noch.
+ Von allen Shop-Apps auf meinem Handy ist das die einzige, die nie abstürzt.
# explicit irony
- Tolle App, die nach jedem zweiten Klick abstürzt.
- Die Website ist so übersichtlich, dass ich nach zehn Minuten immer noch den Warenkorb suche.
- Wahnsinnig praktisch, dass sich die App jedes Mal abmeldet.
- Ein Hoch auf die Suchfunktion, die bei "Socken" Rasenmäher vorschlägt.
- Die neue App ist wirklich ein Meisterwerk, wenn man gerne Fehlermeldungen sammelt.
# implicit
- Nach dem Login lande ich immer auf einer leeren Seite.
- Ich musste die Bestellung am Laptop machen, weil es am Handy nicht ging.
- Die Knöpfe sind so klein, dass man dauernd daneben tippt.
- Wenn man zurückgeht, ist alles, was man eingegeben hat, weg.
- Man scrollt sich einen Wolf, bis endlich die Artikelbeschreibung kommt.
- Mein Passwort wurde akzeptiert, trotzdem blieb die Seite danach einfach weiß.
- Dreimal die Adresse eingetippt, weil das Formular sie immer wieder gelöscht hat.
- Auf dem Handy überlagert das Chatfenster den Bestellknopf.
- Es hat ewig gedauert, bis ich kapiert hab, wo man die Farbe auswählt.
- Die Bilder springen beim Wischen immer zum ersten zurück.
- Wenn man nach Größe filtert, verschwinden plötzlich alle Artikel.
- Die Sucherei nach meinen alten Bestellungen ist ein Abenteuer.
+ Hab in zwei Minuten gefunden, was ich gesucht hab.
+ Alles lädt sofort, auch die Bilder.
+ {person} kam ohne Hilfe durch die Bestellung, das sagt alles.
+ Die Suche hat sogar meinen Tippfehler verstanden.
+ Mit einem Fingertipp ist der Artikel im Korb.
+ Das Filtern nach Farbe und Größe geht echt fix.
+ Bestellhistorie, Rechnungen, Rücksendungen, alles auf einen Blick.
+ Man muss nicht lange überlegen, wo man hinklicken soll.
0 Man findet alles, aber nur über Umwege.
0 Läuft meistens flüssig, nur abends hängt es manchmal.
# implicit negation
+ Kein Absturz, kein Hänger, nichts.
+ Ich musste nicht ein einziges Mal suchen.
- Nichts funktioniert so, wie man es erwartet.
- Nicht mal das Einloggen klappt beim ersten Versuch.
+ Kein unnötiges Rumgeklicke, so soll es sein.
- Keine Ahnung, wer sich diese Menüs ausgedacht hat, logisch ist daran nichts.
# implicit comparison
- Auf jeder anderen Seite find ich in Sekunden, was ich brauche, hier nicht.
+ Da könnte sich manch großer Händler eine Scheibe abschneiden, so einfach geht das Bestellen.
- Die Bedienung ist komplizierter als meine Steuererklärung.
+ Einfacher als bei meinem Supermarkt-Lieferdienst, und der ist schon gut.
# implicit irony
- Super, nach dem Update ist mein ganzer Warenkorb weg.
- Wer braucht schon eine funktionierende Suche, man kann ja auch zwei Stunden scrollen.
- Herrlich, wie sich die Seite beim Bestellen dreimal neu lädt.
- Großartig, dass man sich für jede Kleinigkeit neu anmelden darf.
# brief
+ App läuft rund.
+ Seite schnell.
- Website langsam.
- App nervig.
+ Übersichtlich.
- Menü chaotisch.
+ Bedienung easy.
- Suche nutzlos.
0 Website okay.
+ App klasse.
- Kein Durchblick in der App.
+ Keine Abstürze.
"""

LIEFERUNG = """
# explicit
- Die Lieferung hat {tage} Tage gedauert, obwohl Express gewählt war.
- Das Paket kam erst nach {wochen} Wochen.
- Die Lieferung war für {tag} angekündigt, gekommen ist sie drei Tage später.
- Das Paket wurde bei einem Nachbarn drei Straßen weiter abgegeben.
- Die Sendungsverfolgung zeigt seit Tagen "in Zustellung", passiert ist nix.
- Der Karton war bei der Lieferung völlig zerdrückt.
- {dienst} hat das Paket einfach vor die Tür gestellt, im Regen.
- Teillieferung ohne Ankündigung, der Rest kam eine Woche später.
- Die Lieferung war unvollständig, ein Teil fehlte.
- Der Versand dauert hier echt viel zu lange.
- Angeblich gab es einen Zustellversuch, dabei war ich den ganzen Tag zu Hause.
- Das Paket ist beim Versand verloren gegangen.
- Versendet wurde erst eine Woche nach der Bestellung, obwohl "sofort lieferbar" dranstand.
- Der Paketbote hat das Paket über den Zaun geworfen.
- Die Lieferung kam an die alte Adresse, obwohl ich die neue angegeben hatte.
- Lieferzeit war mit zwei bis drei Tagen angegeben, es wurden fast {tage}.
- Die Verpackung war kaputt und nass, als das Paket ankam.
- Die Lieferung wurde zweimal verschoben.
- Mit {dienst} gibt's jedes Mal Ärger bei der Zustellung.
- Der Versand ist hier [eine Katastrophe|ein Trauerspiel].
- Die Lieferung hat [ewig|eine Ewigkeit] gedauert.
+ Lieferung super schnell, schon am nächsten Tag da.
+ Der Versand war flott und das Paket gut verpackt.
+ Das Paket kam pünktlich zum angekündigten Termin.
+ Schnelle Lieferung, ordentlich verpackt.
+ Abends bestellt, zwei Tage später war das Paket da.
+ Die Zustellung lief völlig problemlos.
+ Die Lieferung kam sogar einen Tag früher als angekündigt.
+ Der Paketbote hat extra angerufen, weil ich nicht da war, sehr nett.
+ Die Sendungsverfolgung war genau, ich wusste immer, wo das Paket ist.
+ Der Versand klappt hier jedes Mal reibungslos.
+ Blitzschnelle Lieferung, [Hammer|top|klasse].
+ Mit {dienst} kam alles [pünktlich|zügig] an.
0 Die Lieferung hat etwas gedauert, war aber so angekündigt.
0 Der Versand war okay, nicht super schnell, aber auch nicht langsam.
0 Das Paket kam zwar spät, aber heil an.
0 Lieferung ging, hätte aber schneller sein können.
- Der Fahrer hat das Paket einfach in die Mülltonne gelegt.
- Die Sendungsnummer funktioniert nicht, man kann nichts verfolgen.
- Der Versand hat länger gedauert als die Herstellung, so kommt's mir vor.
+ Die Lieferung mit {dienst} kam genau im angekündigten Zeitfenster.
+ Bei der Lieferung konnte ich sogar einen Wunschtag angeben.
# implicit
- Hab {wochen} Wochen drauf gewartet.
- Musste es an der Packstation abholen, obwohl die Haustür angegeben war.
- Der Bote hat nicht mal geklingelt, Zettel in den Briefkasten und weg.
- Zum Geburtstag meiner Tochter war es natürlich noch nicht da.
- Hing fünf Tage im Verteilzentrum fest.
- Aus zwei Tagen wurden zehn.
- Hab mir extra frei genommen und dann kam keiner.
- Die Hälfte fehlte im Karton.
- Lag irgendwann nass auf der Fußmatte.
- Statt bei mir ist es in einer Filiale am anderen Ende der Stadt gelandet.
- Ich musste {mal} nachfragen, wo mein Zeug bleibt.
- Der Karton sah aus, als wäre jemand draufgesprungen.
- Eine Woche nach der Bestellung stand immer noch "wird vorbereitet".
- Seit {tag} liegt es angeblich "im Zustellfahrzeug".
- Kam erst nach dem dritten Nachfragen an.
- War eine Woche später da als versprochen.
+ War schon nach einem Tag da, Wahnsinn.
+ Stand am nächsten Morgen vor der Tür.
+ Rechtzeitig vor Weihnachten angekommen, puh.
+ Die angegebene Zeit wurde locker eingehalten.
+ Kam schneller als gedacht.
+ Bestellt am Sonntag, am Dienstag ausgepackt.
+ Alles heil angekommen, nichts zerbrochen.
+ Gut gepolstert, nix verrutscht.
+ Hatte es schneller als die Bestellbestätigung gelesen.
+ Noch vor dem Wochenende da, genau wie versprochen.
0 Kam in einem riesigen Karton mit ganz viel Luftpolster.
0 Hat ein paar Tage gedauert, war aber rechtzeitig da.
- Der Bote kam erst um zehn Uhr abends, da schlaf ich fast.
- Wurde als zugestellt markiert, war aber nirgends.
+ Der Fahrer hat es sogar bis in den vierten Stock getragen.
+ Morgens bestellt, abends da.
- Die App hat zwar "zugestellt" angezeigt, aber da war nix.
- Laut Mail sollte es am {tag} kommen, gekommen ist es eine Woche später.
- Der Fahrer rief an, ich soll es mir selbst im Depot abholen.
+ Hab mir das Geld für Express gespart und es kam trotzdem am nächsten Tag.
# brief
+ Lieferung schnell.
+ Versand fix.
- Lieferung ewig.
- Paket kam zu spät.
+ Kam schnell.
- Versand lahm.
0 Lieferung ok.
+ Pünktlich da.
- Versand dauerte ewig.
+ Schnell geliefert.
# explicit
- Die Lieferung kam in einem aufgeweichten Karton.
- Der Lieferdienst hat das Paket in einer Packstation am anderen Ende der Stadt abgelegt.
- Die Zustellung wurde ohne Grund auf nächste Woche verschoben.
- Das Paket hing [tagelang|eine Woche] beim Zoll fest, obwohl es aus Deutschland kam.
- Versandbestätigung kam, Paket kam nicht.
- Der Paketdienst hat die Sendung als unzustellbar zurückgeschickt, obwohl mein Name am Briefkasten steht.
- Die Lieferzeit von {tage} Tagen war nirgends angegeben.
- Das Paket wurde mitten in der Einfahrt abgestellt.
- Die Lieferung war vertauscht, ich hab die Sachen von jemand anderem bekommen.
- Eine Sendungsverfolgung gab es nicht, nur den Status "in Bearbeitung".
- Die Sendung ist im {dienst}-Depot [verschollen|spurlos verschwunden].
- Der Versandkarton war halb offen, nur noch mit einem Streifen Klebeband zu.
+ Die Lieferung kam am Samstag, perfekt für mich.
+ Der Versand ging superschnell, obwohl ich erst nachts bestellt hab.
+ Das Paket war liebevoll verpackt, mit Seidenpapier und allem.
+ Die Lieferung kam in einem Karton, der genau gepasst hat, kein unnötiger Müll.
+ Der Zusteller hat das Paket wie vereinbart beim Nachbarn abgegeben.
+ Versand und Zustellung liefen reibungslos.
+ Die Lieferung war in drei Tagen bei mir in Österreich.
+ Das Paket kam genau an dem Tag, den der Shop angekündigt hatte.
0 Die Lieferung war schnell, aber der Karton ziemlich ramponiert.
0 Das Paket kam pünktlich, nur die Benachrichtigung kam erst danach.
# explicit negation
+ Mit der Lieferung gab es keinerlei Probleme.
+ Kein Problem mit dem Versand, alles wie angekündigt.
+ Die Lieferung hat nicht mal zwei Tage gedauert.
+ An der Zustellung gibt es nichts auszusetzen.
- Die Lieferung kam nicht, weder am angekündigten Tag noch danach.
- Der Paketbote hat nicht geklingelt und das Paket auch nicht beim Nachbarn gelassen.
- Eine Versandbestätigung gab es nicht, von einer Sendungsnummer ganz zu schweigen.
+ Die Verpackung war nicht beschädigt, alles heil.
- Die Lieferung war alles andere als schnell.
# explicit comparison
- Bei anderen Shops ist das Paket nach zwei Tagen da, hier nach zwei Wochen.
+ Die Lieferung war schneller als bei den ganz Großen.
- Früher kam der Versand hier am nächsten Tag, heute dauert es eine Woche.
+ Schneller geliefert als jeder Onlineshop, bei dem ich bisher bestellt hab.
- Die Lieferung aus Übersee war beim letzten Mal schneller als dieser Versand aus Deutschland.
+ Im Vergleich zu meiner letzten Bestellung woanders war das hier Lichtgeschwindigkeit beim Versand.
# explicit irony
- Eine Lieferzeit von drei Wochen, echt sportlich.
- Ganz toll, dass der Paketbote das Paket im Regen auf die Treppe legt.
- Danke an den Versand für die Überraschung: Karton eingedrückt, Inhalt lose.
- Super Lieferung, kam pünktlich zwei Wochen nach dem Geburtstag.
- Die Sendungsverfolgung ist großes Kino, seit Tagen steht da "bald".
# implicit
- Das Paket hat offenbar eine kleine Deutschlandreise gemacht, bevor es bei mir ankam.
- Im Karton schepperte es schon, als ich ihn hochgehoben hab.
- Die Nachbarin hatte es, nur wusste ich davon nichts, kein Zettel, nix.
- Ich bin dreimal zur Filiale, bis es endlich da lag.
- Der Fahrer stand nicht mal vor der Tür, im Tracking stand aber "niemand angetroffen".
- Zwei Wochen nach der Bestellung hab ich storniert, weil immer noch nichts da war.
- Angekommen ist nur der leere Umkarton.
- Laut Tracking lag es seit {tage} Tagen im selben Verteilzentrum.
- Hab {tage} Tage lang jeden Tag auf den Boten gewartet.
- Es wurde einfach in den Hausflur gestellt, wo jeder es mitnehmen konnte.
- Die Ecke vom Karton war aufgerissen und das Teil lag halb draußen.
- Am Ende musste ich es an einem Kiosk abholen, der nur bis 14 Uhr offen hat.
+ Bestellt in der Mittagspause, am nächsten Morgen lag es im Briefkasten.
+ Schon am Folgetag da, obwohl Feiertag war.
+ Die Sendung war jederzeit nachverfolgbar, bis auf die Minute.
+ Alles stabil im Karton, kein Kratzer, keine Delle.
+ Der Bote hat geklingelt und sogar gewartet, bis ich unten war.
+ Ich hatte kaum auf "kaufen" gedrückt, da klingelte es gefühlt schon.
+ Wie versprochen am {tag} da.
+ Der Karton war gut gepolstert und hat den Transport bestens überstanden.
0 Hat gedauert, war aber zum Geburtstag gerade noch da.
0 Der Karton hatte eine Delle, drin war aber alles in Ordnung.
# implicit negation
+ Ich musste nicht einen Tag warten.
+ Nichts zerdrückt, nichts nass, nichts verloren.
- Nach einer Woche war immer noch kein Paket in Sicht.
- Niemand hat geklingelt, keiner hat eine Karte dagelassen.
+ Kein Warten, kein Nachfragen, einfach da.
- Von dem Paket fehlt bis heute jede Spur.
# implicit comparison
- Mit der Post geht ein Brief nach Australien schneller.
+ Schneller, als mir mein Bäcker die Brötchen bringt.
- Meine Oma hätte es zu Fuß schneller vorbeigebracht.
+ Andere brauchen dafür eine Woche, hier war es nach einem Tag da.
# implicit irony
- Drei Wochen für {einding}, da hätte ich es ja selbst abholen können.
- Schön, dass die Sendungsverfolgung mir jeden Tag sagt, dass sich nichts tut.
- Der Karton sah aus, als hätte er eine Weltreise hinter sich, toll.
- Echt praktisch, dass ich es in einer Filiale abholen darf, die 20 Kilometer weg ist.
# brief
+ Versand super.
+ Lieferung flott.
- Zustellung chaotisch.
- Paket beschädigt.
+ Blitzversand.
- Lieferung verspätet.
0 Versand normal.
+ Kein Versandchaos.
- Paket verschwunden.
+ Gut verpackt.
- Ewig gewartet.
+ Schnell da.
"""

PRODUKTQUALITAET = """
# explicit
- Die Qualität ist echt mies.
- {ding} ist nach drei Tagen kaputt gegangen.
- Das Material fühlt sich billig an.
- Die Verarbeitung lässt sehr zu wünschen übrig.
- Die Farbe ist ganz anders als auf den Bildern.
- ks: Der Reißverschluss klemmt schon beim ersten Anziehen.
- {ding} riecht total chemisch.
- ks: Die Nähte gehen nach einer Woche schon auf.
- at: {ding} geht nach ein paar Minuten einfach aus.
- Die Qualität hat im Vergleich zu früher echt nachgelassen.
- {ding} sieht in echt viel billiger aus als auf den Fotos.
- Die Verarbeitung ist schlampig, überall Klebereste.
- h: Die Beschichtung innen löst sich schon nach wenigen Wochen.
- Der Artikel entspricht überhaupt nicht der Beschreibung.
- Qualitativ leider ein Totalausfall.
- k: Der Stoff ist so dünn, dass man durchgucken kann.
- at: Das Ladekabel ist nach zwei Wochen durchgescheuert.
- ks: Die Größe stimmt überhaupt nicht, fällt zwei Nummern kleiner aus.
- ath: {ding} war defekt, ging gar nicht erst an.
- Die Qualität ist [unterirdisch|eine Frechheit|ein Witz].
- w: {ding} ist aus so dünnem Material, dass es sich schon beim Aufbauen verbogen hat.
- a: Der Ton ist blechern und verzerrt.
- {ding} ist leider Schrott.
- Material und Verarbeitung sind [enttäuschend|mangelhaft].
+ {ding} ist top verarbeitet.
+ Die Qualität überzeugt, fühlt sich richtig hochwertig an.
+ {ding} sieht genauso aus wie auf den Fotos.
+ Nutze {dingakk} jetzt seit Monaten täglich, hält bombe.
+ Super Qualität, hätte ich so nicht erwartet.
+ Das Material ist robust und angenehm.
+ ks: Passt wie angegossen, die Größe stimmt genau.
+ a: Der Klang ist für die Größe erstaunlich gut.
+ hw: Lässt sich super sauber machen und sieht immer noch aus wie neu.
+ Die Verarbeitung ist sauber, keine losen Fäden, nix wackelt.
+ {ding} ist genau so wie beschrieben.
+ Die Qualität ist besser als bei den Markenprodukten, die ich vorher hatte.
+ {ding} ist [richtig schön|wunderschön|echt klasse].
+ at: Die Verbindung mit dem Handy klappt sofort und stabil.
+ w: {ding} macht einen soliden Eindruck, nichts wackelt.
+ Die Qualität ist [spitze|top|hervorragend].
0 Die Qualität ist okay, aber nichts Besonderes.
0 {ding} ist ganz nett, aber die Farbe ist etwas blasser als gedacht.
0 Für den Alltag reicht die Qualität, für mehr nicht.
0 k: Sitzt gut, nur die Ärmel sind etwas lang.
0 Das Material ist gut, die Verarbeitung eher so mittel.
0 {ding} ist schön, aber an einer Stelle ist ein kleiner Kratzer.
# implicit
- k: Nach zwei Wäschen waren Löcher drin.
- at: Der Akku hält keinen halben Tag.
- s: Nach dem ersten Tragen hat sich die Sohle gelöst.
- w: Die Schrauben waren zu kurz, das hält nicht richtig.
- s: Drückt vorne an den Zehen, egal wie lange man sie einläuft.
- w: Die Oberfläche hatte nach einer Woche schon Flecken.
- w: Wackelt an allen Ecken und Enden.
- k: Färbt beim Waschen ab, jetzt ist meine weiße Wäsche rosa.
- t: Nach einer Woche ging das Display nicht mehr an.
- h: Der Griff ist beim ersten Benutzen abgebrochen.
- Sieht aus wie vom Flohmarkt.
- athw: Das Ding ist schon beim Auspacken auseinandergefallen.
- a: Rauscht und knackt die ganze Zeit.
- h: Nach ein paar Wochen ging der Schalter nicht mehr.
- k: Kratzt total auf der Haut.
- Hat nicht mal einen Monat durchgehalten.
- k: Die Knöpfe waren nur lose angenäht.
- Auf dem Foto sah das irgendwie edler aus.
- w: Beim Aufbauen haben die Löcher nicht zusammengepasst, musste selbst nachbohren.
- at: Lädt nur, wenn man das Kabel in einem bestimmten Winkel hält.
- athw: Hat nach ein paar Tagen schon Kratzer, obwohl ich echt vorsichtig bin.
- k: Ist nach dem Waschen zwei Nummern eingelaufen.
- h: Jedes Mal ne Pfütze auf der Arbeitsplatte, irgendwo ist das undicht.
- at: Verliert ständig die Verbindung.
- k: Nach einem Tag hatte der Ärmel schon Fusseln ohne Ende.
- ath: Ging nach zwei Wochen einfach nicht mehr.
- athw: Fühlt sich an wie Spielzeug.
- h: Wird außen so heiß, dass man sich die Finger verbrennt.
+ s: Läuft sich super, keine Blasen.
+ w: In einer halben Stunde aufgebaut, alles passt perfekt.
+ s: Auch nach Stunden im Regen noch trockene Füße.
+ Tut genau das, was es soll.
+ Hält jetzt schon zwei Jahre ohne Probleme.
+ k: Hab's schon zwanzigmal gewaschen und es sieht aus wie neu.
+ athw: Fühlt sich wertig an, nichts klappert.
+ at: Akku hält locker eine Woche.
+ athw: Bin echt positiv überrascht, wie stabil das ist.
+ ks: Trägt sich angenehm, auch den ganzen Tag.
+ h: Heizt super schnell auf und ist dabei leise.
+ a: Klingt satt, auch bei voller Lautstärke.
+ k: Schön warm und trotzdem nicht schwer.
+ w: Steht bombenfest, auch wenn ordentlich Gewicht drauf ist.
+ Sieht in echt sogar noch besser aus als auf dem Foto.
0 Macht, was es soll, mehr nicht.
0 Erfüllt seinen Zweck.
0 k: Sitzt okay, ist aber etwas kürzer als erwartet.
- Nach einer Woche kaputt, zurückschicken lohnt sich bei dem Aufwand aber nicht.
+ Der Preis war mir egal, Hauptsache es hält, und es hält.
+ Im Paket lag genau das, was auf den Bildern zu sehen war, und es fühlt sich auch so an.
- In der App sah die Farbe ganz anders aus, in echt ist es eher ein trübes Grau.
- Die anderen Bewertungen hatten recht, das Teil taugt nichts.
# brief
+ Qualität top.
+ Ware einwandfrei.
- Qualität mies.
- Schnell kaputt.
+ Super Teil.
0 Qualität ok.
- Billig verarbeitet.
+ Passt perfekt.
0 Ganz okay das Teil.
- Ware defekt.
+ Tolles Produkt.
- Nach einer Woche kaputt.
# explicit
- k: Die Verarbeitung ist so schlampig, dass überall Fäden raushängen.
- {ding} hat schon beim Auspacken gequietscht.
- athw: Die Oberfläche war schon beim Auspacken voller Kratzer und Schlieren.
- Das Material ist dünn wie Papier.
- Die Qualität hat mit der Beschreibung nichts zu tun.
- Qualität und Haltbarkeit sind eine glatte Sechs.
- k: Der Stoff hat sich nach dem ersten Waschen total verzogen.
- s: Die Sohle ist schon nach einer Woche an der Ferse abgelaufen.
- t: Das Display hat schon nach ein paar Tagen Pixelfehler.
- h: Der Deckel schließt nicht richtig.
- w: Das Holz ist nur Pressspan mit Folie drauf.
- a: Der Bass scheppert schon bei mittlerer Lautstärke.
- Das Produkt ist [Murks|Pfusch|Ramsch].
+ Die Verarbeitung ist wirklich erstklassig.
+ {ding} wirkt sehr hochwertig, alles sitzt, nichts klappert.
+ Die Qualität ist genau so, wie ich es mir gewünscht hab.
+ k: Der Stoff ist dick und weich, fühlt sich richtig gut an.
+ s: Die Sohle ist stabil und das Leder richtig schön weich.
+ at: Der Akku hält länger als angegeben.
+ h: {ding} ist robust und nach Monaten noch wie am ersten Tag.
+ w: Die Oberfläche ist schön verarbeitet, keine scharfen Kanten.
+ a: Der Sound ist klar und kräftig.
+ Das Produkt ist genauso gut wie beschrieben.
0 Die Verarbeitung ist in Ordnung, das Material könnte etwas dicker sein.
0 {ding} ist solide, aber kein Wow-Erlebnis.
# explicit negation
+ An der Qualität gibt's nichts zu meckern.
+ Die Verarbeitung hat keinerlei Mängel.
+ athw: {ding} hat bis heute keinen einzigen Kratzer.
- {ding} ist nicht mal ansatzweise so wie beschrieben.
- Die Qualität ist nicht das, was versprochen wurde.
- Von guter Verarbeitung kann keine Rede sein.
+ Ich hab an dem Teil keinen einzigen Fehler gefunden.
- {ding} hat nicht mal eine Woche gehalten.
+ Keine losen Fäden, keine Klebereste, alles sauber verarbeitet.
# explicit comparison
- Die Qualität ist schlechter als bei No-Name-Ware vom Wühltisch.
+ Verarbeitung wie bei einem Markenprodukt, wenn nicht sogar besser.
- Mein altes Modell von einem anderen Hersteller war deutlich robuster.
+ Hält viel länger als das Billigteil, das ich vorher woanders gekauft hatte.
- Im Laden sah das gleiche Modell viel wertiger aus als {ding} hier.
+ Im Vergleich zum Vorgängermodell ist die Verarbeitung deutlich besser.
- Die Qualität hat sich im Vergleich zur letzten Bestellung klar verschlechtert.
# explicit irony
- Tolle Qualität, nach zwei Tagen schon auseinandergefallen.
- {ding} ist wirklich robust, zumindest bis man dran wackelt.
- Hervorragende Verarbeitung, wenn man auf schiefe Nähte und Klebereste steht.
- Echt hochwertig, dieses Material, fast wie Pappe.
- k: Qualität vom Feinsten: Der erste Knopf war schon beim Auspacken ab.
# implicit
- k: Die Ärmel sind schon nach dem ersten Tragen ausgeleiert.
- k: Nach einer Wäsche hatte das Teil überall Knötchen.
- s: Nach zwei Regentagen war das Leder voller Wasserflecken.
- s: Die Schnürsenkel sind beim ersten Binden gerissen.
- t: Das Gerät wird beim Laden so heiß, dass ich Angst hab.
- t: Der Touchscreen reagiert nur auf jeden dritten Tipp.
- a: Auf dem linken Ohr kommt nur noch Rauschen.
- a: Bei jeder Bewegung knackt es im Ohr.
- h: Nach dem dritten Benutzen kam Rauch raus.
- h: Alles schmeckt nach Plastik, auch nach zehnmal Ausspülen.
- w: Nach einer Woche hing die Schublade schief.
- w: Die Platte hat sich nach ein paar Tagen schon gewölbt.
- Sieht nach drei Wochen aus, als wär es zehn Jahre alt.
- Schon beim ersten Anfassen hatte ich ein Teil in der Hand.
- athw: Die Farbe blättert an den Kanten ab.
- Riecht auch nach zwei Wochen Lüften noch wie ein Chemielabor.
+ s: Den ganzen Tag auf den Beinen und abends keine schmerzenden Füße.
+ t: Der Bildschirm ist gestochen scharf und reagiert sofort.
+ a: Man hört Details in Liedern, die mir vorher nie aufgefallen sind.
+ h: Macht seit einem halben Jahr jeden Morgen zuverlässig seinen Job.
+ w: Da kann man sich draufstellen, das hält.
+ Man merkt sofort, dass da jemand mit Sorgfalt gearbeitet hat.
+ athw: Fühlt sich schwer und solide an, nicht wie Plastikspielzeug.
+ Nach einem Jahr täglicher Nutzung sieht es immer noch aus wie neu.
0 athw: Tut, was es soll, aber die Knöpfe wackeln ein bisschen.
0 k: Sieht gut aus, nur die Farbe ist nach dem Waschen etwas blasser.
# implicit negation
+ k: Auch nach dem zehnten Waschen kein bisschen eingelaufen.
+ Nichts wackelt, nichts klappert, nichts riecht komisch.
- Nichts daran funktioniert so, wie es soll.
- Keine zwei Wochen, und es war hinüber.
+ at: Kein Rauschen, kein Knacken, keine Verbindungsabbrüche.
+ s: Keine einzige Blase, obwohl ich sie nicht eingelaufen hab.
# implicit comparison
- Das Teil vom Flohmarkt für zwei Euro hält länger.
+ Hält besser als das Original, das ich vorher hatte.
- Mein zehn Jahre altes Modell funktioniert immer noch besser als dieses neue.
+ Wirkt edler als vieles, was ich im Fachgeschäft gesehen hab.
# implicit irony
- Hat immerhin drei Tage durchgehalten, ein neuer Rekord.
- k: Nach einer Wäsche passt es jetzt meiner kleinen Nichte, danke auch.
- Sieht nach einer Woche schon aus wie ein Erbstück, leider nicht im guten Sinn.
- w: Praktisch, dass es sich nach einer Woche schon von selbst wieder zerlegt.
- ath: Wer braucht schon einen Schalter, der länger als eine Woche funktioniert.
# brief
+ Qualität klasse.
+ Robust.
- Billigware.
- Totaler Schrott.
+ Gut verarbeitet.
0 Material okay.
- Fällt auseinander.
+ Hält gut.
- Kein gutes Material.
+ Hochwertig.
- Sofort defekt.
+ Wie beschrieben.
"""

PREIS = """
# explicit
- Viel zu teuer für das, was man bekommt.
- Im Laden um die Ecke kostet es {ersparnis} Euro weniger.
- Versandkosten von {versand} Euro bei so einem kleinen Teil sind frech.
- Zwei Tage nach dem Kauf war es um 20 Prozent reduziert, ärgerlich.
- Die Preise sind in letzter Zeit ordentlich angezogen.
- Der Rabattcode wurde an der Kasse nicht angerechnet.
- Preislich ist das echt unverschämt.
- Für den Preis erwarte ich deutlich mehr.
- Der Mindestbestellwert für kostenlosen Versand ist viel zu hoch.
- Der Preis im Warenkorb war höher als der auf der Produktseite.
- Der Preis ist [eine Frechheit|total überzogen|jenseits von Gut und Böse].
- Die "Rabatte" sind ein Witz, vorher wurde einfach der Preis hochgesetzt.
- Die Versandkosten sind [viel zu hoch|unverschämt].
+ Preis-Leistung stimmt.
+ Der Preis ist absolut fair.
+ Günstiger als überall sonst.
+ Für den Preis echt ein Schnäppchen.
+ Das Preis-Leistungs-Verhältnis ist top.
+ Preislich unschlagbar.
+ Gab sogar noch 10 Prozent Rabatt auf die erste Bestellung.
+ Kostenloser Versand ab 20 Euro, find ich fair.
+ Die Preise hier sind echt human.
+ Der Preis war [super|unschlagbar|richtig gut].
+ Im Angebot war es richtig günstig.
0 Nicht ganz billig, aber das ist es wert.
0 Der Preis ist okay, aber nicht günstiger als woanders.
0 Teuer, aber man bekommt auch was dafür.
0 Im Angebot ein guter Preis, zum Normalpreis würd ich's nicht kaufen.
0 Der Preis ist in Ordnung, nur die Versandkosten sind happig.
- Die Preise schwanken hier jeden Tag, das nervt.
- Dass man für die Geschenkverpackung extra zahlen muss, find ich kleinlich.
- Für einen Onlineshop sind die Preise echt happig.
- Die Preise sind gefühlt doppelt so hoch wie vor einem Jahr.
+ Die Preise sind fair und es gibt oft Aktionen.
+ Mit dem Neukundenrabatt war es richtig günstig.
+ Preislich top, da kann keiner mithalten.
+ Günstiger als im Laden und kein Mindestbestellwert.
0 Preislich im Mittelfeld.
# implicit
- Das ist sein Geld nicht wert.
- Da zahlt man halt für den Namen.
- Woanders kriegst du das für die Hälfte.
- Für {betrag} Euro erwarte ich was anderes.
- Hab mich geärgert, dass ich nicht auf den Black Friday gewartet hab.
- Für so ein bisschen Plastik so viel Geld, echt nicht.
- Drei Tage später gab es das gleiche Teil im Sale.
- Da hab ich mich echt abzocken lassen.
- Beim Discounter gibt's das Gleiche für ein Drittel.
+ Für das Geld kann man nicht meckern.
+ Hab's im Sale für die Hälfte geschossen.
+ Für knapp {betrag} Euro völlig in Ordnung.
+ Bei dem Kurs hab ich gleich zwei genommen.
+ Schnäppchen!
+ Kostet nur einen Bruchteil von dem, was das Original kostet.
+ Da hab ich ein echtes Schnäppchen gemacht.
+ Mehr kann man für das Geld nicht verlangen.
0 Für das, was es kostet, okay.
0 Billig ist anders, aber es lohnt sich.
- Beim Blick auf die Endsumme musste ich erst mal schlucken.
- Dafür bezahlt man echt zu viel.
- Das hätte ich für das halbe Geld auch auf dem Flohmarkt gekriegt.
- Man zahlt drauf, sobald man keinen Gutscheincode hat.
- Die {ersparnis} Euro Aufpreis für die andere Farbe versteh ich nicht.
+ Für den Kurs würde ich's sofort wieder kaufen.
+ Da stimmt einfach das Verhältnis.
+ Hab {betrag} Euro gezahlt und das ist es locker wert.
+ Hat meinen Geldbeutel geschont.
0 Kostet halt, was es kostet.
- Beim Bezahlen hab ich gemerkt, dass es fast das Doppelte kostet wie im Laden.
- Die Lieferung kostet extra, und zwar nicht zu knapp.
- In der App ist alles zwei Euro teurer als auf der Website, warum auch immer.
+ Mit dem Code aus dem Newsletter hab ich nochmal 15 Prozent gespart.
# brief
+ Preis top.
+ Günstig.
- Zu teuer.
- Überteuert.
+ Preis fair.
0 Preis ok.
+ Preiswert.
- Viel zu teuer.
- Preis happig.
+ Top Preis.
+ Fairer Preis.
# explicit
- Die Preise hier sind [abgehoben|völlig übertrieben].
- Der angebliche Rabatt war niedriger als versprochen.
- Für den Preis ist das einfach zu wenig.
- Bei dem Preis hätte ich [mehr|was Besseres] erwartet.
- Der Versand kostet fast so viel wie der Artikel selbst.
- Die Preise ändern sich, sobald man was im Warenkorb hat.
- Der Streichpreis war nie der echte Preis, das ist Kundenverarsche.
- Für Bestandskunden gibt es nie Rabatte, nur für Neukunden.
- Die Mindermengenzuschläge sind eine Frechheit.
- Der Preis wurde nach meiner Bestellung nochmal gesenkt, die Differenz gab's natürlich nicht zurück.
+ Der Preis ist für das, was man bekommt, wirklich fair.
+ Die Preise sind transparent, keine versteckten Kosten.
+ Für den Preis bekommt man richtig viel.
+ Es gab einen Rabattcode, der ohne Probleme funktioniert hat.
+ Die Versandkosten sind niedrig und ab {betrag} Euro ganz weg.
+ Mit dem Sale-Preis hab ich ein richtig gutes Geschäft gemacht.
+ Die Preise sind stabil, nicht jeden Tag was anderes.
+ Preislich absolut im Rahmen.
0 Der Preis ist so mittel, aber die Versandkosten fallen weg.
0 Nicht das billigste Angebot, aber auch nicht überteuert.
# explicit negation
+ Über den Preis kann man nicht meckern.
+ Der Preis ist nicht zu hoch, eher im Gegenteil.
+ Versteckte Kosten gab es keine.
- Ein Schnäppchen ist das nicht, im Gegenteil.
- Günstig ist hier gar nichts.
- Der Preis ist nicht gerechtfertigt.
+ Nicht billig, aber jeden Cent wert.
- Rabatte gibt es hier keine, nicht mal zum Black Friday.
# explicit comparison
- Beim Konkurrenten kostet das gleiche Teil {ersparnis} Euro weniger.
+ Günstiger als im Fachhandel und sogar günstiger als beim großen Versandhändler.
- Im Vergleich zu anderen Shops sind die Versandkosten hier happig.
+ Der Preis ist um einiges niedriger als im Elektromarkt.
- Im Laden nebenan sind die Preise niedriger, das versteh ich nicht.
+ Woanders zahlt man für so was locker das Doppelte.
- Der gleiche Artikel ist auf dem Marktplatz nebenan deutlich billiger.
# explicit irony
- Super Preis, wenn man gern doppelt so viel zahlt wie woanders.
- {betrag} Euro für {einding}, da hat jemand ein Schnäppchen gemacht, nur nicht ich.
- Toller Rabatt: erst den Preis hoch, dann 20 Prozent runter.
- Echt günstig, diese {versand} Euro Versand für einen Brief.
- Ein echtes Schnäppchen, wenn man den Preis von letzter Woche nicht kennt.
# implicit
- Hab zweimal auf die Summe geguckt, weil ich dachte, da ist ein Fehler.
- Da muss man schon ordentlich was auf den Tisch legen.
- Einen Tag später gab es das Gleiche {ersparnis} Euro billiger.
- k: Für das bisschen Stoff so viel zu verlangen, ist dreist.
- Der Gutscheincode hat nur für Artikel funktioniert, die eh keiner will.
- Mit Versand und Verpackung war es am Ende viel mehr als gedacht.
- Ich hab mich über den Tisch gezogen gefühlt.
- Für {betrag} Euro erwartet man einfach mehr.
- Mein Geldbeutel weint immer noch.
- Da zahlt man für jede Kleinigkeit extra.
+ Das war jeden Euro wert.
+ Hab viel weniger bezahlt als gedacht.
+ Mit dem Gutschein war es fast geschenkt.
+ Für {betrag} Euro hab ich nicht so viel erwartet.
+ Hat mich weniger gekostet als ein Abendessen zu zweit.
+ Der Rabatt wurde ohne Code direkt abgezogen.
+ Zum Sparpreis gekauft und mich gefreut.
+ Für so wenig Geld kann man echt nichts falsch machen.
0 Nicht geschenkt, aber okay.
0 Kostet ein bisschen mehr, aber das war mir klar.
# implicit negation
+ Mehr als {betrag} Euro wollte ich nicht ausgeben, und musste ich auch nicht.
- Gespart hab ich hier gar nichts.
+ Kein Cent zu viel bezahlt.
- Da ist nichts günstig dran.
+ Keine versteckten Gebühren, keine Überraschung an der Kasse.
- Nicht mal mit Gutschein war es bezahlbar.
# implicit comparison
- Am Ende war ich {betrag} Euro los für etwas, das ich woanders für die Hälfte bekommen hätte.
+ Beim Discounter hätte ich dafür mehr hingelegt.
- Im Fachgeschäft um die Ecke ist es billiger, und da bekommt man noch Beratung dazu.
+ Andere verlangen für das Gleiche deutlich mehr.
# implicit irony
- Für den Kurs hätte ich es auch gleich in Gold kaufen können.
- Klar, {betrag} Euro für {einding}, wer hat, der hat.
- Schön, dass die Versandkosten höher sind als der Inhalt.
- Die Kasse hat sich bestimmt gefreut.
# brief
+ Schnäppchenpreis.
- Abzocke.
- Zu hohe Versandkosten.
+ Preis super.
+ Günstiger als erwartet.
- Teuer.
0 Preis geht so.
+ Guter Deal.
- Überzogene Preise.
+ Bezahlbar.
- Nicht günstig.
+ Spottbillig.
"""

ZAHLUNG = """
# explicit
- Der Betrag wurde doppelt abgebucht.
- Kauf auf Rechnung wurde abgelehnt, obwohl ich hier schon oft bestellt hab.
- Meine Kreditkarte wurde abgelehnt, obwohl alles gestimmt hat.
- Hab eine Mahnung bekommen, obwohl die Rechnung längst bezahlt war.
- Die Rechnung kam erst Wochen nach der Lieferung.
- Zahlung per PayPal geht nicht, echt nicht mehr zeitgemäß.
- Eine Zahlungsbestätigung kam nie.
- Die Abbuchung per {zahlart} ging schief und keiner konnte mir sagen, warum.
- Die Bezahlung mit {zahlart} wurde dreimal abgebrochen.
- Auf der Rechnung stand ein anderer Betrag als in der Bestellbestätigung.
- Bei Vorkasse wird erst nach Zahlungseingang verschickt, und der Zahlungseingang hat eine Woche gedauert.
- Meinen Gutschein konnte ich beim Bezahlen nicht einlösen.
- Die Zahlungsmöglichkeiten sind [sehr eingeschränkt|dürftig].
- Die Bezahlung per {zahlart} hat [nicht geklappt|nicht funktioniert].
+ Die Zahlung per {zahlart} hat problemlos geklappt.
+ Bezahlen auf Rechnung, super praktisch.
+ Zahlungsarten gibt's genug, für jeden was dabei.
+ Die Ratenzahlung war unkompliziert.
+ Die Bezahlung mit {zahlart} ging in Sekunden.
+ Schön, dass man hier noch ganz klassisch per Rechnung zahlen kann.
+ Die Abbuchung kam erst mit dem Versand, find ich fair.
0 Die Bezahlung hat geklappt, aber erst im zweiten Anlauf.
0 {zahlart} geht, Rechnung leider nicht.
- Die Zahlung per Lastschrift wurde ohne Grund storniert.
- Die Rechnung hatte eine falsche Adresse und ich musste sie dreimal anfordern.
- Bei {zahlart} wurde der Betrag reserviert und nie wieder freigegeben.
- Zahlungserinnerung schon nach drei Tagen, ganz schön dreist.
- Kauf auf Rechnung gibt's erst ab der zweiten Bestellung.
- Mit {zahlart} zahlen ging auf einmal nicht mehr.
- Die Zahlung wurde erst nach {tage} Tagen bestätigt.
+ Die Rechnung lag ordentlich bei, alles transparent.
+ Zahlungsziel von 30 Tagen, super.
+ Kauf auf Rechnung ging sogar bei der ersten Bestellung.
+ Die Rechnung kam pünktlich und war verständlich.
+ Bezahlt wird erst, wenn man die Ware hat, so muss das.
0 Bezahlen geht, aber nur mit Kreditkarte oder PayPal.
# implicit
- Das Geld wurde zweimal von meinem Konto gezogen.
- Hab eine Zahlungserinnerung gekriegt, obwohl ich am selben Tag überwiesen hab.
- Beim Bezahlen kam ständig eine Fehlermeldung, dreimal versucht.
- Plötzlich hat sich ein Inkassobüro gemeldet, wegen 12 Euro.
- Mein Konto wurde belastet, obwohl die Bestellung storniert war.
- Ich musste meine IBAN dreimal eingeben, bis es ging.
- Die Karte wurde belastet, aber die Bestellung ist angeblich nie eingegangen.
- Auf dem Kontoauszug stehen jetzt zwei Buchungen über den gleichen Betrag.
+ Mit zwei Klicks bezahlt, fertig.
+ Konnte nach Erhalt bezahlen, so muss das sein.
+ Dass man erst nach dem Anprobieren zahlen muss, find ich super.
0 Hat beim zweiten Versuch dann doch geklappt mit dem Bezahlen.
- Die Abbuchung war schon weg, bevor überhaupt klar war, ob die Ware lieferbar ist.
- Drei Tage nach der Bestellung war plötzlich eine Gebühr von 5 Euro vom Konto weg.
- Seit Tagen steht da "Zahlung wird geprüft".
- Mein Geld ist weg und eine Bestellung gibt es angeblich nicht.
- Der Betrag auf dem Kontoauszug passt nicht zu dem, was ich bestellt hab.
- Ich sollte vorab überweisen und hab dann eine Woche auf die Bestätigung gewartet.
+ Überwiesen, am nächsten Tag war alles bestätigt.
+ Belastet wurde erst, als das Paket raus war.
+ Endlich mal ein Shop, bei dem man erst nach dem Auspacken zahlt.
- Das Paket war schon da, die Abbuchung kam dann aber gleich doppelt.
- Die Lieferung kam, die Rechnung erst sechs Wochen später, gleich mit Mahngebühr.
- In der App steht immer noch "offen", obwohl ich längst bezahlt hab.
+ Hab an der Haustür beim Boten bezahlt, ging ganz easy.
# brief
+ Bezahlung easy.
- Doppelt abgebucht.
+ Zahlung problemlos.
- Zahlung ging nicht.
+ Rechnungskauf top.
- Mahnung trotz Zahlung.
+ Bezahlen einfach.
- Rechnung falsch.
# explicit
- Die Zahlung per {zahlart} wurde ohne Erklärung abgelehnt.
- Die Rechnung hatte einen Rechenfehler, der Betrag war zu hoch.
- Der Bezahlvorgang bricht bei {zahlart} jedes Mal ab.
- Die Lastschrift kam früher als angekündigt und mein Konto war im Minus.
- Bei Zahlung auf Rechnung gibt es ein Zahlungsziel von nur sieben Tagen.
- Die Mahngebühren sind völlig überzogen.
- Die Zahlungsbestätigung kam erst nach einer Woche.
- Meine Zahlung wurde zweimal reserviert und eine davon nie freigegeben.
- Die Rechnung war auf den falschen Namen ausgestellt.
- Meine Überweisung wurde nicht zugeordnet, obwohl ich die Bestellnummer angegeben hab.
- Die Auswahl an Zahlungsarten ist [lächerlich klein|viel zu klein].
- Die Ratenzahlung wurde erst genehmigt und dann ohne Grund widerrufen.
+ Die Zahlung ging schnell und sicher.
+ Die Rechnung kam direkt per Mail, übersichtlich und korrekt.
+ Bezahlen mit {zahlart} ging problemlos und ohne Umwege.
+ Die Ratenzahlung war mit zwei Klicks eingerichtet.
+ Die Abbuchung war genau der Betrag aus der Bestellbestätigung.
+ Die Zahlungsfrist von 14 Tagen ist fair.
+ Man kann hier wirklich mit allem bezahlen.
+ Die Rechnung war sauber aufgeschlüsselt, jede Position nachvollziehbar.
0 Die Zahlung klappte, die Rechnung kam aber erst Tage später.
0 Bezahlen geht, aber {zahlart} fehlt leider.
# explicit negation
+ Mit der Zahlung gab es keine Probleme.
+ Beim Bezahlen hat nichts gehakt.
+ Die Rechnung war nicht zu beanstanden.
- Die Zahlung ging nicht durch, egal mit welcher Karte.
- Eine Rechnung hab ich nie bekommen.
- Auf Rechnung kaufen geht hier nicht, nicht mal als Stammkunde.
+ Keine doppelte Abbuchung, keine Mahnung, alles wie es sein soll.
- Die Zahlung wurde nicht bestätigt, obwohl das Geld längst weg war.
# explicit comparison
- Bei jedem anderen Shop kann ich auf Rechnung zahlen, nur hier nicht.
+ Mehr Zahlungsarten als bei den meisten anderen Onlineshops.
- Woanders klappt {zahlart} ohne Probleme, hier bricht es ständig ab.
+ Der Bezahlvorgang ist viel einfacher als bei meinem letzten Shop.
- Im Vergleich zu anderen Händlern ist das Zahlungsziel lächerlich kurz.
+ So unkompliziert wie hier hab ich noch nirgends auf Raten gezahlt.
# explicit irony
- Ganz toll, eine Mahnung für eine Rechnung, die ich nie bekommen hab.
- Danke für die doppelte Abbuchung, ich hatte eh zu viel Geld auf dem Konto.
- Sehr praktisch, dass die Zahlung erst beim vierten Versuch klappt.
- Großartiges Inkasso-Erlebnis für eine längst bezahlte Rechnung.
# implicit
- Beim Bezahlen kam die Meldung "Vorgang abgelaufen", und das Geld war trotzdem weg.
- Ich hab {mal} meine Kartendaten eingegeben, bevor es ging.
- Auf meinem Konto fehlen jetzt {betrag} Euro, aber bestellt ist angeblich nichts.
- Die TAN kam nie an, also konnte ich nicht abschließen.
- Drei Wochen nach der Lieferung kam plötzlich ein Brief vom Inkassobüro.
- Die Summe auf dem Beleg war höher als die im Warenkorb.
- Ich hab per Überweisung gezahlt, trotzdem steht die Bestellung noch auf "wartet auf Zahlung".
- Der Kreditkartenanbieter hat angerufen, weil die Abbuchung verdächtig aussah.
- Am Ende der Bestellung ging es immer wieder zurück zur Auswahl der Bezahlart.
- Das Geld war weg, die Bestellbestätigung kam nie.
- Obwohl ich auf Rechnung bestellt hatte, wurde sofort abgebucht.
- Die Reservierung auf meiner Karte hing noch zwei Wochen drin.
+ Karte eingegeben, bestätigt, fertig.
+ Konnte in aller Ruhe nach zwei Wochen überweisen.
+ Der Betrag wurde erst abgebucht, als alles da war.
+ Mit dem Handy in Sekunden bezahlt.
+ Auf dem Kontoauszug stand genau das, was ich erwartet hab.
+ Die Raten werden pünktlich und korrekt eingezogen.
+ Erst auspacken, dann überweisen, so stell ich mir das vor.
+ Abgebucht wurde genau einmal und in der richtigen Höhe.
0 Bezahlt hab ich im zweiten Anlauf, dann ging es.
0 Das Geld war schnell weg, die Bestätigung kam etwas später.
# implicit negation
+ Keine Fehlermeldung, keine doppelte Buchung.
- Kein einziger Versuch, mit meiner Karte zu bezahlen, hat funktioniert.
+ Nichts vorab zahlen müssen, das find ich gut.
- Nicht einmal die Überweisung wurde richtig zugeordnet.
+ Ich musste meine Kartendaten nicht mal neu eingeben.
- Niemand konnte mir sagen, wo mein Geld geblieben ist.
# implicit comparison
- So oft wie hier bin ich noch nie beim Bezahlen rausgeflogen.
+ Schneller bezahlt als an der Supermarktkasse.
- Beim Bäcker zahl ich kontaktlos in einer Sekunde, hier brauchte ich zehn Minuten.
+ Viel entspannter als Vorkasse bei anderen Händlern.
# implicit irony
- Toll, gleich zwei Abbuchungen, doppelt hält besser.
- Klasse, jetzt hab ich eine Mahnung und eine Zahlungsbestätigung für dieselbe Rechnung.
- Wirklich beeindruckend, wie schnell eine Mahnung kommen kann.
- Spannend, welcher Betrag wohl diesmal abgebucht wird.
# brief
+ Zahlung reibungslos.
+ Bezahlen schnell.
- Doppelbuchung.
- Zahlung abgelehnt.
+ Rechnung korrekt.
- Keine Rechnung bekommen.
0 Zahlung ging so.
+ Viele Zahlungsarten.
- Bezahlen umständlich.
+ Abbuchung korrekt.
- Mahnung unberechtigt.
+ Kein Stress beim Bezahlen.
"""

RUECKGABE = """
# explicit
- Das Geld für die Retoure lässt nach {wochen} Wochen immer noch auf sich warten.
- Den Retourenschein musste ich selbst ausdrucken, hab aber keinen Drucker.
- Rücksendung nur auf eigene Kosten, das ist heute echt nicht mehr üblich.
- Die Rückgabe wurde abgelehnt, weil angeblich Gebrauchsspuren dran waren.
- Die Erstattung kam nur als Gutschein, nicht als Geld.
- Meine Retoure ist laut Shop nie angekommen.
- Ein Umtausch war nicht möglich, nur zurückschicken und neu bestellen.
- Eine Rückgabefrist von nur 14 Tagen ist echt knapp.
- Die Erstattung war um {versand} Euro gekürzt, ohne Begründung.
- Die Rücksendung ist [viel zu kompliziert|eine Qual].
- Auf die Rückerstattung warte ich [seit Wochen|bis heute].
+ Die Rücksendung war easy, der Aufkleber lag gleich bei.
+ Die Rückgabe ist kostenlos, top.
+ Der Umtausch hat reibungslos geklappt.
+ Die Erstattung ging super schnell.
+ Retoure über die Packstation, drei Tage später war das Geld zurück.
+ Die 100 Tage Rückgaberecht find ich klasse.
+ Die Rückerstattung war schon da, bevor die Retoure überhaupt angekommen war.
+ Rücksendung [problemlos|unkompliziert|einfach], so muss das sein.
0 Die Rückgabe hat geklappt, hat aber fast drei Wochen gedauert.
0 Die Retoure an sich war einfach, nur das Label musste ich extra anfordern.
- Die Rücksendung wurde mit dem Hinweis "nicht originalverpackt" zurückgewiesen.
- Die Rücksendekosten wurden einfach von der Erstattung abgezogen.
- Auf die Gutschrift für meine Retoure warte ich seit {wochen} Wochen.
- Ein Retourenlabel gibt's nur auf Nachfrage.
- Die Rückgabe geht nur in der Filiale, für einen Onlineshop echt seltsam.
- Die Rücksendung muss man vorher umständlich anmelden.
+ Die Rücksendung ist kostenlos und das Label liegt schon im Paket.
+ Retoure angemeldet, zwei Tage später war die Erstattung da.
+ Kulant beim Umtausch, obwohl die Frist schon fast rum war.
+ Die Retoure ging auch ohne Originalverpackung.
0 Die Rückerstattung war okay, nur ohne die Versandkosten.
# implicit
- Das Paket zurück hat mich {versand} Euro gekostet.
- Musste {dingakk} auf eigene Kosten zurückschicken.
- Angeblich ist das Paket nie bei ihnen angekommen, dabei hab ich den Einlieferungsbeleg.
- Hab's vor einem Monat zurückgeschickt und warte immer noch auf mein Geld.
- Sie wollten es nicht zurücknehmen, weil die Verpackung geöffnet war.
- Um mein Geld zurückzukriegen, musste ich {mal} nachhaken.
- Zurückgeschickt am {tag}, seitdem keine Reaktion.
- Die Gutschrift für das zurückgeschickte Teil fehlt bis heute.
+ Bei der Post abgegeben, zwei Tage später war die Gutschrift da.
+ Hab's zurückgeschickt, das Geld war drei Tage später wieder auf dem Konto.
+ ks: Passte nicht, ging aber problemlos zurück.
+ Ausgedruckt, draufgeklebt, abgegeben, fertig.
+ ks: Hab die größere Größe im Tausch bekommen, ging ganz fix.
+ Das Zurückschicken ging ohne jede Diskussion.
0 Zurück ging es problemlos, nur das Geld hat gedauert.
- ks: Hab die falsche Größe zurückgeschickt und statt Geld einen Gutschein bekommen, den ich nicht wollte.
- Das zurückgeschickte Paket liegt seit zehn Tagen bei denen im Lager und keiner bucht es.
- Zurückschicken geht nur mit einem bestimmten Paketdienst, der bei uns keine Filiale hat.
- Jetzt soll ich beweisen, dass ich es überhaupt zurückgeschickt hab.
- Zwei Teile zurückgeschickt, erstattet wurde nur eins.
- Sie haben es zurückgenommen, aber {ersparnis} Euro "Bearbeitungsgebühr" einbehalten.
+ Zurückgeschickt und eine Woche später war alles erstattet, ohne Nachfragen.
+ Falsche Farbe? Kein Thema, das neue Teil war schon unterwegs, bevor das alte ankam.
+ Einfach in den Karton, Aufkleber drauf, erledigt.
0 Das Zurückschicken war einfach, auf das Geld musste ich aber eine Weile warten.
- Die Retoure hab ich in der App angemeldet, das Geld kam aber erst nach drei Wochen.
+ Das Paket mit der Retoure hat {dienst} bei mir abgeholt, die Erstattung kam sofort.
+ Der volle Preis wurde mir erstattet, sogar inklusive Versand.
# brief
+ Rückgabe easy.
- Erstattung dauert ewig.
+ Retoure problemlos.
- Rücksendung kompliziert.
+ Umtausch fix.
- Retoure nervig.
+ Umtausch problemlos.
- Kein Geld zurück.
# explicit
- Die Rücksendung wurde erst nach drei Wochen bearbeitet.
- Rückgabe nur mit Originalrechnung, die ich natürlich nicht mehr hatte.
- Das Retourenportal funktioniert nicht, man kann keine Retoure anmelden.
- Der Umtausch wurde abgelehnt, weil angeblich die Frist vorbei war, war sie aber nicht.
- Die Erstattung kam, aber ohne die Versandkosten, die mir zustehen.
- Für den Umtausch musste ich erst ein Formular ausdrucken, ausfüllen und einscannen.
- Meine Retoure wurde als "unvollständig" markiert, obwohl alles drin war.
- Die Rücksendekosten von {versand} Euro muss man selbst tragen.
- Rückgabe ausgeschlossen, stand ganz klein in den Bedingungen.
- Die Rückerstattung wurde auf ein Kundenkonto gebucht statt auf mein Bankkonto.
- Das Umtauschverfahren ist [unnötig kompliziert|ein Albtraum].
- Die Retoure hängt seit {wochen} Wochen im Status "in Prüfung".
+ Die Rückgabe lief völlig unkompliziert.
+ Rücksendung online angemeldet, QR-Code bekommen, fertig.
+ Die Erstattung war nach zwei Tagen auf dem Konto.
+ ks: Der Umtausch in eine andere Größe ging ganz schnell.
+ Die Rücksendung war sogar ohne Drucker möglich.
+ Die Retoure wurde ohne Rückfragen akzeptiert.
+ 30 Tage Rückgaberecht und kostenlose Rücksendung, besser geht's kaum.
+ Die Rückerstattung war vollständig, inklusive Versandkosten.
0 Die Rückgabe ging, aber das Label kam erst nach zwei Mails.
0 Die Erstattung ist da, hat aber länger gedauert als angekündigt.
# explicit negation
+ Mit der Rücksendung gab es überhaupt keine Probleme.
+ Bei der Retoure musste ich nicht mal einen Grund angeben.
+ Die Erstattung hat keine Woche gedauert.
- Die Rückgabe wurde nicht akzeptiert, ohne Begründung.
- Ein kostenloser Umtausch ist hier nicht drin.
- Eine Gutschrift für die Retoure hab ich bis heute nicht gesehen.
+ Von Retourenstress keine Spur.
- Die Erstattung ist nicht vollständig, es fehlen {ersparnis} Euro.
# explicit comparison
- Bei anderen Shops ist die Rücksendung kostenlos, hier zahlt man drauf.
+ Die Retoure ist einfacher als bei jedem anderen Onlineshop, den ich kenne.
- Woanders hab ich das Geld nach drei Tagen zurück, hier nach drei Wochen.
+ Der Umtausch ging schneller als im Laden.
- Die Rückgabefrist ist kürzer als bei der gesamten Konkurrenz.
+ Im Vergleich zu meinem letzten Shop ist die Erstattung hier richtig flott.
# explicit irony
- Toll gelöst bei der Rückgabe: drei Wochen warten und dann ein Gutschein.
- Die Rückerstattung kommt bestimmt noch, vielleicht zu Weihnachten.
- Ganz wunderbar, dass man die Retoure selbst bezahlen darf.
- Eine Rücksendung so kompliziert zu machen, ist schon eine Kunst.
- Super Umtausch, jetzt hab ich gar nichts, weder Ware noch Geld.
# implicit
- Hab's zurückgeschickt, seitdem ist es verschwunden, und mein Geld auch.
- Ich musste Fotos von der Verpackung schicken, bevor ich es zurückgeben durfte.
- Um es loszuwerden, musste ich {mal} eine Mail schreiben.
- Drei Wochen nach dem Zurückschicken war noch immer nichts erstattet.
- Sie haben mir statt Geld einen Gutschein aufgedrückt.
- Zurücknehmen wollten sie es nur, wenn ich die Versandkosten übernehme.
- Das Paket ging zurück, aber auf dem Konto kam nur die Hälfte an.
- Ich wollte es in der Filiale abgeben, dort wusste keiner Bescheid.
- Für das Zurückschicken musste ich extra zur Post in die Stadt fahren.
- Das Etikett für den Rückversand war ungültig.
- Erst nach einer Beschwerde wurde mein Geld endlich überwiesen.
- Das Teil ging zurück und kam mit einem Zettel "nicht angenommen" wieder zu mir.
+ Einfach ins Paket, Etikett drauf, zwei Tage später Geld da.
+ Passte nicht, also zurück, und nach einer Woche war alles erledigt.
+ Der Ersatz war schon da, bevor ich das alte Teil abgegeben hatte.
+ Zurückgeschickt ohne Porto, weil der Aufkleber schon im Karton lag.
+ ks: Die kleinere Größe kam im Tausch innerhalb von drei Tagen.
+ Mein Geld war schneller zurück als erwartet.
+ Bei der Post abgegeben und mich um nichts mehr kümmern müssen.
0 Die Gutschrift kam, allerdings erst nach einer Erinnerung.
0 Es ging zurück, nur musste ich das Porto vorstrecken.
# implicit negation
+ Ich musste nicht mal begründen, warum ich es nicht behalten will.
+ Kein Papierkram, kein Ausdrucken, einfach abgeben.
- Mein Geld hab ich bis heute nicht zurück.
- Nicht mal eine Bestätigung, dass das zurückgeschickte Paket angekommen ist.
+ Keine Diskussion, kein Nachweis, Geld zurück.
- Zurücknehmen wollten sie es nicht, obwohl die Frist noch lief.
# implicit comparison
- Im Laden hätte ich es einfach an der Kasse zurückgegeben, hier ist das ein Projekt.
+ Einfacher, als einen Brief zu verschicken.
- Beim letzten Onlineshop kam mein Geld nach drei Tagen, hier warte ich seit einem Monat.
+ Ging unkomplizierter zurück als jedes Teil, das ich je im Kaufhaus umgetauscht hab.
# implicit irony
- Jetzt bin ich stolzer Besitzer eines Gutscheins, den ich nie wollte.
- Spannend, wie lange eine Gutschrift durch Deutschland reisen kann.
- Toll, das zurückgeschickte Teil ist angeblich nie angekommen, der Beleg sagt was anderes.
- Schön, dass ich das Porto für ihren Fehler auch noch zahlen darf.
# brief
+ Umtausch top.
+ Geld schnell zurück.
- Retoure teuer.
- Rückgabe abgelehnt.
+ Rücksendung kostenlos.
- Erstattung fehlt.
0 Retoure okay.
+ Retoure easy.
- Umtausch mühsam.
+ Kein Retourenstress.
- Gutschein statt Geld.
+ Erstattung fix.
"""

DATENSCHUTZ = """
# explicit
- Seit der Bestellung krieg ich jeden Tag drei Newsletter, obwohl ich nix angehakt hab.
- Das Konto löschen geht angeblich nur per Brief.
- Meine Daten wurden offenbar weitergegeben, jetzt kriege ich Werbung von Firmen, die ich gar nicht kenne.
- Die App will Zugriff auf Kontakte und Standort, wozu bitte?
- Beim Cookie-Banner gibt es keinen Button zum Ablehnen.
- Newsletter abbestellt, kommt trotzdem weiter.
- Mein Passwort wurde mir im Klartext per Mail geschickt.
- Jemand hat mit meinem Konto bestellt, der Account wurde offenbar gehackt.
- Die Datenschutzerklärung ist 20 Seiten lang und keiner versteht sie.
- Auf die Auskunft über meine gespeicherten Daten warte ich seit {wochen} Wochen.
- Das Tracking auf der Seite ist extrem, da laufen zig Dienste im Hintergrund.
- Man wird gezwungen, ein Kundenkonto anzulegen, als Gast bestellen geht nicht.
- Meine Daten werden [für Werbung|an Partner] weitergegeben, ohne dass ich gefragt wurde.
+ Zwei-Faktor-Anmeldung gibt's auch, sehr gut.
+ Der Newsletter lässt sich mit einem Klick abbestellen.
+ Man kann als Gast bestellen, ohne Konto, find ich gut.
+ Die Datenschutzeinstellungen sind klar und verständlich.
+ Meine Anfrage zur Datenlöschung wurde innerhalb von zwei Tagen erledigt.
0 Mit dem Datenschutz nehmen sie es wohl ernst, nervig ist das Cookie-Fenster trotzdem.
- Ohne Zustimmung zu allen Cookies kann man nicht mal die Produkte ansehen.
- Die Datenschutzeinstellungen sind so versteckt, dass man sie nie findet.
- Nach einem Datenleck wurde mein Kundenkonto gesperrt, informiert wurde ich erst Wochen später.
- Die App sammelt Daten ohne Ende, das sieht man schon an den Berechtigungen.
- Mein Konto ist nach der Löschung immer noch aktiv.
- Werbung per SMS, obwohl ich dem nie zugestimmt hab.
- Das Passwort muss nur vier Zeichen haben, das ist doch nicht sicher.
- Den Newsletter kann man nur abbestellen, wenn man sich vorher einloggt.
- Für den Newsletter-Rabatt muss man Geburtsdatum und Telefonnummer angeben.
+ Endlich ein Shop, der nur die nötigsten Daten abfragt.
+ Beim Cookie-Banner kann man alles mit einem Klick ablehnen.
+ Konto gelöscht, die Bestätigung kam sofort.
+ Die Zwei-Faktor-Anmeldung gibt einem ein gutes Gefühl.
+ Datenschutz wird hier ernst genommen, das merkt man.
0 Die Datenschutzhinweise sind lang, aber immerhin verständlich.
# implicit
- Wieso muss ich für {einding} mein Geburtsdatum angeben?
- Jetzt ruft mich eine Firma an, der ich meine Nummer nie gegeben hab.
- Jeden Tag Werbemails, abmelden klappt nicht.
- Man fühlt sich auf Schritt und Tritt beobachtet.
- Warum will ein Onlineshop meine Handynummer und mein Geburtsdatum?
- Ich bekomme Spam an eine Adresse, die ich nur hier angegeben hab.
- Nach dem Login kam eine Mail, dass sich jemand aus dem Ausland angemeldet hat.
- Plötzlich kamen Werbebriefe von einer Firma, von der ich nie gehört hab.
+ Keine Werbemails hinterher, so soll es sein.
+ Hier wird man nicht mit Werbung zugemüllt.
- Kaum hatte ich bestellt, kam Werbung von drei anderen Shops.
- Warum muss ich meinen Standort freigeben, um Socken zu kaufen?
- Ich werde das Gefühl nicht los, dass meine Adresse verkauft wurde.
- Die wissen inzwischen mehr über mich als meine Mutter.
- Seit der Bestellung verfolgt mich deren Werbung auf jeder Seite.
- Jemand hat mein Passwort geändert, und ich war's nicht.
- Die Löschung meines Kontos zieht sich jetzt seit {wochen} Wochen.
- Meine Bestellbestätigung samt Adresse ging an eine fremde Mailadresse.
+ Ein Klick und die Werbemails waren weg.
+ Man muss nur Name und Adresse angeben, mehr nicht.
0 Zustimmen muss man zwar einigem Kram, aber vieles kann man abwählen.
- Nach der Lieferung kamen plötzlich Werbeanrufe auf meine Handynummer.
- Für die Zahlung sollte ich Zugriff auf mein komplettes Bankkonto freigeben, das geht zu weit.
- In der App kann man nicht mal einstellen, dass sie einen nicht trackt.
- Am Telefon kannte man meine komplette Bestellhistorie, bevor ich meinen Namen gesagt hab, gruselig.
# brief
- Newsletter-Spam.
- Spam ohne Ende.
+ Datenschutz ok.
- Datenkrake.
- Datenschutz mangelhaft.
- Ständig Werbung.
+ Kein Spam.
- Konto gehackt.
# explicit
- Der Shop speichert meine Kreditkartendaten, ohne zu fragen.
- Laut Datenschutzerklärung dürfen sie meine Daten an "Partner" in aller Welt geben.
- Die App schickt Daten an Werbenetzwerke, das zeigt schon der Tracker-Check.
- Mein Kundenkonto lässt sich online nicht löschen.
- Nach der Bestellung war ich plötzlich bei drei anderen Newslettern angemeldet.
- Die Auskunft über meine Daten war unvollständig.
- Die Datenschutzeinstellungen werden nach jedem Update zurückgesetzt.
- Für den Login muss man sich zwingend mit einem Social-Media-Konto verbinden.
- Mein Passwort wurde bei einem Datenleck offenbar mit veröffentlicht.
- Die Cookies lassen sich nur in einem versteckten Untermenü ablehnen.
- Der Datenschutz ist hier [ein Fremdwort|eine Farce].
- Mein Konto wurde von einem Unbekannten übernommen und niemand hat mich gewarnt.
+ Die Datenschutzerklärung ist kurz und verständlich geschrieben.
+ Man kann sein Konto mit einem Klick löschen.
+ Der Shop fragt nur die Daten ab, die er wirklich braucht.
+ Tracking ist standardmäßig aus, man muss es aktiv einschalten.
+ Meine Datenauskunft kam nach drei Tagen, komplett und verständlich.
+ Newsletter gibt's nur, wenn man ihn ausdrücklich bestellt.
+ Bei einer Anmeldung von einem neuen Gerät kommt sofort eine Warnung, sehr gut.
+ Die Datenschutzeinstellungen sind fair voreingestellt, alles Werbliche ist aus.
0 Die Datenschutzeinstellungen sind okay, aber ziemlich versteckt.
0 Man kann Tracking abwählen, muss sich aber durch drei Seiten klicken.
# explicit negation
+ Spam gab es nach der Bestellung keinen.
+ Meine Daten wurden nicht weitergegeben, jedenfalls kam keine fremde Werbung.
+ Ein Kundenkonto ist nicht Pflicht, sehr angenehm.
- Die Newsletter-Abmeldung funktioniert nicht, trotz dreimal Klicken.
- Ein Ablehnen der Cookies ist nicht vorgesehen.
- Mein Konto wurde nicht gelöscht, obwohl ich es zweimal beantragt hab.
+ Keine Werbeanrufe, keine fremden Newsletter, so soll es sein.
- Nach der Löschung meiner Daten hab ich nie eine Bestätigung bekommen.
# explicit comparison
- So viele Tracker wie auf dieser Seite hab ich bei keinem anderen Shop gesehen.
+ Datenschutzfreundlicher als die großen Plattformen.
- Andere Shops fragen nicht nach meinem Geburtsdatum, warum der hier?
+ Im Vergleich zu anderen Apps verlangt diese kaum Berechtigungen.
- Bei der Konkurrenz kann man als Gast bestellen, hier muss man sich registrieren.
+ Weniger Werbemails als bei jedem anderen Shop, bei dem ich Kunde bin.
# explicit irony
- Toll, jetzt kennt die halbe Werbebranche meine Adresse.
- Danke für die täglichen Newsletter, die ich nie bestellt hab.
- Sehr vertrauenserweckend, das Passwort im Klartext per Mail zu bekommen.
- Wie schön, dass die App mein Mikrofon braucht, um mir einen Toaster zu zeigen.
- Großartige Datensparsamkeit, nur Geburtsdatum, Telefonnummer und Einkommen.
# implicit
- Woher hat die Firma meine Handynummer? Angegeben hab ich die nur hier.
- Seit ich hier bestellt hab, klingelt ständig eine unbekannte Nummer.
- Die wollen wissen, wo ich bin, mit wem ich telefoniere und was ich fotografiere.
- Jemand hat sich in mein Konto eingeloggt und an eine fremde Adresse bestellt.
- Abmelden vom Newsletter? Geht angeblich, die Mails kommen trotzdem.
- Plötzlich kannte mich eine Versicherung mit Namen und Adresse, Zufall?
- Im Postfach landen jetzt jeden Tag Mails mit meinem vollen Namen von fremden Shops.
- Ich musste meinen Ausweis hochladen, nur um ein Konto zu haben.
- Beim Registrieren wurden Geburtstag, Beruf und Einkommen abgefragt.
- Auch nach dem Löschen hab ich weiter Mails an mein altes Konto bekommen.
- Die App lief im Hintergrund weiter und hat ständig meinen Standort abgefragt.
- Mein Name und meine Adresse standen im Betreff einer Mail an jemand anderen.
+ Nach der Bestellung kam genau eine Mail, die Bestätigung, sonst nichts.
+ Mein Konto konnte ich selbst in den Einstellungen löschen, ohne Anruf und Brief.
+ Die App will nur das, was sie braucht, sonst nichts.
+ Ich hab sofort eine Warnung bekommen, als sich jemand mit meinem Passwort anmelden wollte.
+ Man kann genau einstellen, welche Mails man bekommt.
+ Auf meine Anfrage, welche Daten sie haben, kam eine klare Liste.
0 Man muss einiges angeben, aber immerhin erklären sie, wofür.
0 Die Werbemails sind weniger geworden, ganz weg sind sie nicht.
# implicit negation
+ Man muss weder Geburtstag noch Telefonnummer angeben.
+ Keine fremde Werbung, keine Anrufe, nichts.
- Nirgends steht, was mit meinen Daten passiert.
- Niemand hat mir Bescheid gesagt, dass meine Daten betroffen waren.
+ Kein Zwang zum Konto, kein Zwang zur App.
- Abbestellen lässt sich hier gar nichts.
# implicit comparison
- Meine Bank will weniger über mich wissen als dieser Shop.
+ Hier wird man weniger ausspioniert als auf jeder Nachrichtenseite.
- Nicht mal beim Amt musste ich so viele persönliche Angaben machen.
+ Angenehm wenig Abfragen, anders als bei vielen anderen.
# implicit irony
- Schön, dass ich jetzt weiß, wie viele Firmen sich für meine Adresse interessieren.
- Super, jetzt bekomme ich Werbung für Sachen, über die ich nur mit meinem Mann geredet hab.
- Sehr beruhigend, dass ein Fremder mit meinem Konto einkaufen geht.
- Wie nett, dass sie meinen Geburtstag kennen und mir jedes Jahr Spam schicken.
# brief
- Datenschleuder.
- Zu viel Tracking.
+ Daten sicher.
- Keine Abmeldung möglich.
+ Wenig Datenabfrage.
- Werbeflut.
0 Datenschutz naja.
+ Kein Tracking.
- Daten weitergegeben.
+ Datensparsam.
- Nervige Cookies.
+ Keine Datensammelei.
"""

TOPIC_BLOCKS: dict[str, str] = {
    "Kundenservice": KUNDENSERVICE,
    "Benutzererfahrung": BENUTZERERFAHRUNG,
    "Lieferung": LIEFERUNG,
    "Produktqualität": PRODUKTQUALITAET,
    "Preis": PREIS,
    "Zahlung": ZAHLUNG,
    "Rückgabe": RUECKGABE,
    "Datenschutz": DATENSCHUTZ,
}

# --- fragments that carry two labels at once ------------------------------------------------
# Real reviews often tie two topics together in one sentence ("Geld für die Retoure kam erst
# nach der dritten Mail an den Support"). Key: the two labels; lines as above, no sections.

PAIR_BLOCKS: dict[tuple[str, str], str] = {
    ("Lieferung", "Produktqualität"): """
0 Kam schnell, aber schon beim Auspacken war was abgebrochen.
- athw: Das Paket war so schlecht verpackt, dass {ding} zerkratzt ankam.
+ Schnell geliefert und die Qualität passt auch.
+ Am nächsten Tag da und {ding} ist richtig gut verarbeitet.
0 Hat ewig gedauert, dafür ist {ding} aber top.
- Kam spät und dann auch noch mit einem Riss.
- Kam nach {tage} Tagen und war dann auch noch kaputt.
+ Schnell da und {ding} macht einen super Eindruck.
- Lange gewartet, und dann so eine Enttäuschung beim Auspacken.
+ Gut verpackt angekommen und die Verarbeitung ist top.
0 Lieferung flott, Qualität eher durchwachsen.
- athw: Im zerdrückten Karton lag {ding} mit einer dicken Delle.
""",
    ("Kundenservice", "Rückgabe"): """
+ Der Support hat mir sofort ein Retourenlabel geschickt.
- Hab beim Kundenservice nach meiner Erstattung gefragt, seitdem höre ich nichts mehr.
- Am Telefon wurde mir versichert, dass das Geld für die Rücksendung unterwegs ist. Ist es nicht.
+ Die Dame am Telefon hat den Umtausch direkt für mich angestoßen.
- Wegen der Retoure hab ich {mal} angerufen, jedes Mal hieß es, das dauert noch.
- Die Hotline konnte mir nicht sagen, wo meine Retoure abgeblieben ist.
+ Der Kundenservice hat die Erstattung sofort angestoßen, ohne dass ich das Teil zurückschicken musste.
- Für den Umtausch musste ich dreimal beim Support anrufen.
+ Im Chat wurde mir der Umtausch in zwei Minuten bestätigt.
- Der Support behauptet, meine Rücksendung sei nie angekommen, und will nicht mal den Beleg sehen.
""",
    ("Rückgabe", "Zahlung"): """
- Statt die Retoure zu verrechnen, kam eine Mahnung über den vollen Betrag.
- Die Erstattung für die Rücksendung ging auf eine Karte, die ich gar nicht mehr habe.
+ Retoure verbucht und die Rechnung wurde sofort angepasst, sehr sauber.
- Hab zurückgeschickt, trotzdem wurde der volle Betrag abgebucht.
- Die Rückerstattung ging an {zahlart}, obwohl ich per Überweisung gezahlt hatte.
+ Das Geld für die Retoure war sofort wieder auf dem Kreditkartenkonto.
- Retoure angekommen, trotzdem läuft die Rechnung weiter und ich soll zahlen.
+ Nach der Rücksendung wurde die offene Rechnung sofort storniert.
- Die Erstattung kam, aber die Ratenzahlung lief einfach weiter.
""",
    ("Benutzererfahrung", "Zahlung"): """
- Beim Bezahlen in der App hängt sich alles auf.
- {zahlart} auswählen geht in der App nicht, der Button reagiert nicht.
+ Bezahlen in der App geht mit einem Fingertipp.
- Auf der Seite wird man beim Bezahlen dreimal zurück zum Warenkorb geschickt.
- Beim Bezahlen auf der Website lädt die Seite ewig und dann ist der Warenkorb leer.
+ In der App ist die Bezahlung mit einem Tipp erledigt, ohne Formulare.
- In der App kann man die Zahlungsart nachträglich nicht ändern.
+ Die Seite führt einen sauber durch den Bezahlvorgang.
- Der Bezahlknopf auf der mobilen Seite ist hinter dem Cookie-Banner versteckt.
""",
    ("Benutzererfahrung", "Datenschutz"): """
- Das Cookie-Banner lässt sich nur mit zehn Klicks ablehnen.
- Die App fragt bei jedem Start wieder nach dem Standort.
- In der App findet man nirgends, wie man den Newsletter abbestellt.
+ In der App kann man mit einem Schalter alles Tracking abstellen.
- Die App lässt sich erst benutzen, wenn man allen Berechtigungen zustimmt.
- Auf der Website springt bei jedem Seitenwechsel wieder das Cookie-Fenster auf.
+ Die Datenschutzeinstellungen in der App sind übersichtlich und leicht zu finden.
- Das Konto löschen ist in der App so versteckt, dass man es nie findet.
+ Die App funktioniert auch komplett ohne Standortfreigabe.
""",
    ("Kundenservice", "Datenschutz"): """
- Hab um Löschung meiner Daten gebeten, der Support hat nie geantwortet.
- Der Kundenservice wollte am Telefon mein Passwort wissen, geht's noch?
+ Der Support hat mein gehacktes Konto sofort gesperrt und alles erklärt.
- Die Hotline hat mir die Adresse einer anderen Kundin vorgelesen.
- Der Support hat meine Löschanfrage an die "zuständige Abteilung" weitergeleitet, die sich nie gemeldet hat.
+ Der Kundenservice hat sofort alle meine Daten gelöscht und es schriftlich bestätigt.
- Der Kundenservice hat meine Bankdaten per unverschlüsselter Mail angefordert.
+ Am Telefon wurde ich erst sauber verifiziert, bevor man mir Auskunft gab, gut so.
""",
    ("Kundenservice", "Lieferung"): """
- Paket verschwunden und die Hotline meinte nur, ich soll halt warten.
+ Der Kundenservice hat sich sofort um das verlorene Paket gekümmert und neu verschickt.
- Hab wegen der Lieferung {mal} angerufen, keiner wusste, wo das Paket ist.
+ Die Lieferung war verspätet, aber der Support hat sich von selbst gemeldet und entschuldigt.
- Der Support wusste nicht, welcher Paketdienst mein Paket hat.
+ Die Lieferung hing fest, der Kundenservice hat das in einer Stunde geklärt.
- Wegen des kaputten Kartons hat mich die Hotline an {dienst} verwiesen und {dienst} wieder zurück an die Hotline.
+ Der Kundendienst hat mich angerufen, weil sich die Lieferung verzögert, vorbildlich.
- Paket seit zwei Wochen unterwegs, und im Chat heißt es nur "bitte haben Sie Geduld".
""",
    ("Lieferung", "Preis"): """
- Versandkosten von {versand} Euro und dann dauert es trotzdem eine Woche.
- Express extra bezahlt und trotzdem kam es erst nach {tage} Tagen.
+ Kostenloser Versand und trotzdem am nächsten Tag da.
- Für {versand} Euro Versand hätte ich wenigstens eine ordentliche Verpackung erwartet.
+ Versandkostenfrei und trotzdem schneller als bezahlter Express woanders.
- Expresszuschlag bezahlt, Paket kam wie Standard.
+ Günstiger Versand und pünktliche Zustellung.
- Die Versandkosten sind hoch und das Paket lag trotzdem im Regen.
""",
    ("Preis", "Produktqualität"): """
- Für das Geld hätte ich deutlich mehr Qualität erwartet.
+ Für den Preis ist die Qualität echt erstaunlich gut.
- Billig gekauft, billig bekommen.
0 Die Qualität ist okay, für den Preis aber nicht mehr.
+ Hochwertiger als manches teure Markenteil.
- Für {betrag} Euro erwarte ich, dass {ding} länger als zwei Wochen hält.
- Viel Geld für ein Teil, das nach einer Woche kaputt war.
+ Super Qualität zu einem echt fairen Preis.
- {betrag} Euro für so eine Verarbeitung, nie wieder.
+ Günstig und trotzdem robust.
0 Nicht billig, aber dafür hält es auch.
- Der hohe Preis spiegelt sich in der Qualität überhaupt nicht wider.
""",
    ("Kundenservice", "Zahlung"): """
- Wegen der doppelten Abbuchung hab ich {mal} beim Kundenservice angerufen.
+ Die falsche Abbuchung hat der Support innerhalb eines Tages korrigiert.
- Der Support kann mir seit {wochen} Wochen nicht erklären, warum ich eine Mahnung bekommen habe.
+ Die Hotline hat die falsche Rechnung sofort korrigiert und neu geschickt.
- Wegen der abgelehnten Zahlung hab ich im Chat nur Textbausteine bekommen.
+ Der Kundenservice hat mir die Mahngebühr erlassen, weil der Fehler bei ihnen lag.
""",
    ("Produktqualität", "Rückgabe"): """
- War nach einer Woche kaputt, hab's direkt zurückgeschickt.
- k: Ging zurück, weil es nach einmal Waschen eingelaufen ist.
0 ath: {ding} war defekt, der Umtausch ging aber schnell.
- {ding} war defekt und den Umtausch musste ich auch noch selbst bezahlen.
+ Das Teil hatte einen Fehler, aber der Austausch ging in drei Tagen.
- Kaputt geliefert, Rückgabe abgelehnt, weil ich es angeblich benutzt hätte.
- ks: Passform katastrophal, also zurück, und auf das Geld warte ich noch.
+ Erst eine Macke drin, dann problemlos umgetauscht, das neue ist top.
""",
    ("Preis", "Zahlung"): """
- Eine Gebühr für Zahlung per Rechnung, das ist frech.
- Bei Zahlung mit {zahlart} kommen nochmal 2 Euro drauf, geht gar nicht.
- Für Ratenzahlung verlangen sie saftige Zinsen.
+ Keine Gebühren bei Zahlung auf Rechnung, das gibt's selten.
- Bei Kreditkarte wird noch ein Aufschlag berechnet.
+ Beim Bezahlen per {zahlart} gab es sogar noch 3 Prozent Skonto.
""",
    ("Kundenservice", "Benutzererfahrung"): """
- Im Chat konnte mir niemand erklären, warum die App ständig abstürzt.
+ Die App hatte einen Fehler und der Support hat mir geduldig einen Umweg erklärt.
- Die Website lädt nicht und an der Hotline heißt es, das liegt an meinem Browser.
+ Der Kundenservice hat das Problem mit dem Login sofort behoben.
""",
    ("Lieferung", "Rückgabe"): """
- Die Abholung der Retoure wurde dreimal angekündigt und nie gemacht.
+ Die Ersatzlieferung nach dem Umtausch kam schon am nächsten Tag.
- Das Ersatzteil nach dem Umtausch hat wieder {wochen} Wochen gebraucht.
+ Der Paketbote hat die Retoure gleich mitgenommen, als er das neue Paket brachte.
""",
    ("Kundenservice", "Produktqualität"): """
+ at: Bei einem Wackelkontakt hat mir der Support genau erklärt, wie ich es selbst behebe.
- Der Support meinte, das Material müsse so sein, obwohl es nach zwei Wochen gerissen ist.
+ Auf meine Frage zum Material kam eine kompetente Antwort, und das Teil ist wirklich so gut wie beschrieben.
- Der Kundenservice behauptet, die Risse seien normal.
""",
}

# --- topic words without the topic: these carry NO label ------------------------------------

DISTRACTORS: dict[str, list[str]] = {
    "Kundenservice": [
        "[Den Kundenservice|Die Hotline|Den Support] musste ich [zum Glück|bisher] nicht [kontaktieren|bemühen].",
        "Hatte keine Fragen, deshalb kann ich zum Support nix sagen.",
        "Meine Schwester arbeitet selbst im Kundenservice, ich weiß also, wie stressig das ist.",
        "Zur [Hotline|Servicenummer] kann ich nichts sagen, hab [nie|noch nie] angerufen.",
        "Hab kurz überlegt, ob ich beim Service anrufen soll, war dann aber nicht nötig.",
        "Die Nummer vom Kundenservice hab ich mir sicherheitshalber notiert.",
        "Ob der Support was taugt, weiß ich nicht, hab ihn nie gebraucht.",
        "Im Chat hab ich nur nach meiner Bestellnummer gefragt.",
        "Meine Frage hat sich dann von selbst erledigt, bevor ich beim Support angerufen hab.",
        "Die Nummer der Hotline steht auf der Rechnung, angerufen hab ich nie.",
        "Im Chat hab ich nur kurz gefragt, ob es die Farbe noch gibt.",
        "Ich arbeite selbst in einem Callcenter.",
        "Bevor jemand fragt: Mit dem Service hatte ich nichts zu tun.",
        "Der Support hat ein Kontaktformular, das hab ich aber nicht gebraucht.",
        "Meine Frau hat wegen einer anderen Bestellung beim Kundenservice angerufen, wie das lief, weiß ich nicht.",
        "Falls jemand Fragen hat: Die Hotline steht unten auf der Seite.",
        "Kontakt mit dem Kundendienst hatte ich keinen.",
        "Ich hab mir die Servicezeiten notiert, falls doch was ist.",
        "Meine Schwiegermutter ruft bei jeder Bestellung erst mal die Hotline an, ich nicht.",
        "Ob man im Chat mit einem Menschen oder einem Bot redet, kann ich nicht sagen.",
    ],
    "Benutzererfahrung": [
        "Hab über die [App|Website] bestellt.",
        "Bestellt übers Handy in der Mittagspause.",
        "Auf der Website stand nur noch zwei auf Lager, da hab ich zugeschlagen.",
        "Hab den Artikel über die [Suche|Suchfunktion|Startseite] gefunden.",
        "Bin über Instagram auf den Shop aufmerksam geworden.",
        "Die App hab ich mir extra für die Bestellung runtergeladen.",
        "Das Teil hatte ich schon länger auf der Merkliste.",
        "Gesehen hab ich es auf der Startseite der App.",
        "Bestellt hab ich am Laptop, nicht in der App.",
        "Die App hab ich nach der Bestellung wieder gelöscht, ich brauch sie nicht so oft.",
        "Hab den Link von meiner Schwester geschickt bekommen und gleich bestellt.",
        "Den Artikel hab ich über eine Suchmaschine gefunden, nicht über den Shop.",
        "Ich hab mir den Artikel erst mal auf die Merkliste gesetzt und drei Tage überlegt.",
        "Die Website hab ich abends auf dem Sofa durchgeschaut.",
        "Ich hab die Bewertungen auf der Produktseite gelesen, bevor ich bestellt hab.",
        "Bin kein großer App-Nutzer, hab einfach über den Browser bestellt.",
        "Die Bestellung hab ich in der Straßenbahn am Handy gemacht.",
        "Mein Sohn hat mir die App aufs Handy geladen.",
        "Über den Link im Newsletter bin ich im Shop gelandet.",
        "Auf der Website gibt es auch Pflegetipps, die hab ich aber nicht gelesen.",
    ],
    "Lieferung": [
        "Hab's mir [an die Arbeit|ins Büro|zur Packstation] liefern lassen.",
        "Das Paket hab ich gleich an meinen Bruder weitergegeben.",
        "Bestellt hab ich am {tag}.",
        "Verschickt wurde mit {dienst}.",
        "Das Paket hat [mein Nachbar|meine Nachbarin|der Kiosk unten] für mich angenommen.",
        "Hab's zu meinen Eltern schicken lassen.",
        "Als Versand hab ich Standard gewählt, war ja nicht eilig.",
        "Das Paket hab ich erst nach dem Urlaub aufgemacht.",
        "Das Paket hat mein Mann aus der Packstation geholt.",
        "Hab die Adresse meiner Arbeit als Lieferadresse angegeben.",
        "Ich war die ganze Woche im Urlaub, das Paket lag so lange beim Nachbarn.",
        "Den Karton nutzen wir jetzt für den Umzug.",
        "Normalerweise lass ich mir alles an die Packstation schicken.",
        "Das Paket kam am selben Tag wie zwei Bestellungen von woanders.",
        "Die Sendungsnummer hab ich gar nicht erst angeschaut.",
        "Geliefert wurde an meine Eltern, die haben es mir dann vorbeigebracht.",
        "Ich hab Abholung in der Filiale gewählt.",
        "Der Versand ging an meine Zweitadresse.",
        "Das Paket hab ich erst eine Woche später abgeholt, mein Fehler.",
        "Die Verpackung hab ich gleich ins Altpapier geworfen.",
    ],
    "Produktqualität": [
        "Ist ein Geschenk, zur Qualität kann ich [also noch nix|noch nichts|nix] sagen.",
        "Zur Haltbarkeit kann ich noch nichts sagen, hab's erst seit gestern.",
        "Hab {dingakk} noch nicht ausgepackt.",
        "Hatte vorher ein anderes Modell.",
        "Ob {ding} lange hält, [wird sich zeigen|weiß ich noch nicht].",
        "Zur Qualität schreib ich nochmal was, wenn ich es länger benutzt hab.",
        "Die Farbe hab ich nach langem Hin und Her ausgesucht.",
        "{ding} liegt noch originalverpackt im Schrank, ist für Weihnachten.",
        "Ich hab {dingakk} erst zweimal benutzt, ein Urteil wär zu früh.",
        "Über die Haltbarkeit kann ich in einem Jahr mehr sagen.",
        "Die Farbe hatte ich passend zum Sofa ausgesucht.",
        "Getestet hab ich es noch nicht.",
        "Ich hab mich lang zwischen zwei Modellen entschieden.",
        "{ding} ist für meinen Vater, der probiert am Wochenende alles aus.",
        "Das Material war mir beim Kauf nicht so wichtig.",
        "Ausgepackt hat es meine Tochter, ich hab es noch gar nicht gesehen.",
        "Wie es sich im Alltag schlägt, muss sich noch zeigen.",
        "Das gleiche Modell hat meine Kollegin auch.",
        "Zur Qualität sag ich erst was nach dem ersten Winter.",
    ],
    "Preis": [
        "Hab [{betrag}|knapp {betrag}] Euro [gezahlt|bezahlt].",
        "Hab's bei einer Aktion entdeckt.",
        "Den Gutschein dafür hatte ich von meiner Tante.",
        "Hab die Preise vorher nicht verglichen.",
        "Der Preis stand ja dran, [das wusste ich vorher|da gibt's keine Überraschung].",
        "Gekauft hab ich es zum normalen Preis, ohne Rabatt.",
        "Das Geld dafür hatte ich zum Geburtstag bekommen.",
        "Über den Preis hab ich nicht lange nachgedacht, ich brauchte das Teil einfach.",
        "Gekauft hab ich es im Sale, weil ich eh eins brauchte.",
        "Den Preis hab ich mir mit meiner Schwester geteilt.",
        "Gekostet hat es so um die {betrag} Euro, glaub ich.",
        "Den Rabattcode hab ich vergessen einzugeben, selbst schuld.",
        "Ob es woanders günstiger gewesen wäre, weiß ich nicht.",
        "Hab noch einen Gutschein von der letzten Bestellung gehabt.",
        "Ich hab zwei Stück gekauft, eins zum Verschenken.",
        "Der Preis war mir ehrlich gesagt egal, es musste schnell gehen.",
        "Preisvergleiche mach ich grundsätzlich nicht.",
        "Den Kassenbeleg hab ich in die Schublade gelegt, falls was ist.",
    ],
    "Zahlung": [
        "[Bezahlt|Gezahlt] hab ich mit {zahlart}.",
        "Hab [auf Rechnung|per Vorkasse|mit Kreditkarte] bestellt.",
        "Bezahlt hat mein Mann.",
        "Hab per {zahlart} gezahlt, wie immer.",
        "Die Rechnung hab ich gleich an meinen Chef weitergeleitet.",
        "Bezahlt hab ich mit dem Gutschein von Weihnachten.",
        "Die Rechnung hab ich gleich abgeheftet.",
        "Bezahlt hat meine Schwester, das Teil ist ein Geschenk von ihr.",
        "Ich zahle eigentlich immer mit Karte.",
        "Hab den Betrag zusammen mit meiner Mitbewohnerin bezahlt.",
        "Die Kreditkarte gehört meinem Mann, bestellt hab aber ich.",
        "Die Zahlungsart hab ich vom letzten Mal übernommen.",
        "Die Rechnung lag im Paket, angeschaut hab ich sie noch nicht.",
        "Ich hab Rechnungskauf gewählt, weil ich gerade keine Karte zur Hand hatte.",
        "Das Geld hab ich mir vom Taschengeld zusammengespart.",
        "Bezahlt hab ich über das Firmenkonto.",
        "Die Rechnung geht an meine Steuerberaterin.",
        "Mit {zahlart} zahl ich bei jedem Shop.",
    ],
    "Rückgabe": [
        "[Zurückschicken|Eine Rücksendung|Umtauschen] war zum Glück nicht nötig.",
        "Hoffentlich muss ich [nix|nichts] zurückschicken.",
        "Die Rückgabefrist ist 30 Tage, falls das jemand wissen will.",
        "Ich hab zwei Größen bestellt und eine wieder zurückgeschickt.",
        "Umtauschen wollte ich eigentlich nicht.",
        "Den Retourenschein hab ich vorsichtshalber aufgehoben.",
        "Die Rücksendeetiketten lagen im Paket, gebraucht hab ich sie nicht.",
        "Ich hab extra eine Nummer größer bestellt, damit ich nichts zurückschicken muss.",
        "Die Rückgabebedingungen hab ich mir vorher durchgelesen.",
        "Meine Schwester schickt ständig alles zurück, ich behalte meistens alles.",
        "Ich hoffe, ich muss nie was umtauschen.",
        "Den Karton hebe ich auf, falls ich es doch zurückgeben will.",
        "Zurückgeben wollte ich es eigentlich, hab es dann aber doch behalten.",
        "Umtauschen hätte man können, war aber nicht nötig.",
        "Über die Retoure kann ich nichts sagen, hab alles behalten.",
        "Ich hab das Teil nach dem Anprobieren behalten.",
        "Das Rücksendeformular hab ich direkt weggeworfen.",
        "Die Frist für die Rückgabe läuft noch zwei Wochen, mal sehen.",
    ],
    "Datenschutz": [
        "Hab als Gast bestellt, [ohne Konto|ohne Anmeldung].",
        "Hab mich mit meinem alten Konto angemeldet.",
        "Den Newsletter hab ich [bewusst|extra] abonniert, wegen der Rabatte.",
        "Mein Passwort hatte ich natürlich vergessen.",
        "Hab extra ein neues Kundenkonto angelegt.",
        "Meine Adresse war vom letzten Mal noch gespeichert.",
        "Beim Bestellen hab ich meine Daten vom letzten Mal übernommen.",
        "Das Passwort hat mir mein Passwortmanager ausgefüllt.",
        "Den Newsletter hab ich gleich bei der Anmeldung abgewählt.",
        "Ich hab mich mit meiner Mailadresse registriert.",
        "Meine Telefonnummer hab ich für den Paketboten angegeben.",
        "Die Cookies hab ich einfach alle akzeptiert, wie immer.",
        "Mein Kundenkonto gibt's schon seit Jahren.",
        "Eingeloggt hab ich mich mit der Adresse meiner Frau.",
        "Die Datenschutzerklärung hab ich wie jeder andere nicht gelesen.",
        "Meine Mailadresse hab ich extra für Onlineshopping angelegt.",
        "Für die Bestellung hab ich das Konto meines Mannes benutzt.",
        "Im Kundenkonto hab ich nur meinen Spitznamen eingetragen.",
    ],
}

# --- frame: openers, fillers, closers -------------------------------------------------------

OPENERS: dict[str, list[str]] = {
    "+": ["Kurz und knapp:", "Bin zufrieden.", "Sehr gut!", "Echt super.", "Also ich bin begeistert.",
          "Hätte ich nicht gedacht, aber:", "Positiv überrascht.", "Vorab: Ich bin rundum zufrieden.",
          "Was soll ich sagen, passt.", "Wow.", "Endlich mal ein Shop, bei dem es klappt.",
          "Ich bin wirklich angetan.", "Kurzes Lob:", "Gute Erfahrung gemacht.", "Diesmal lief alles richtig.",
          "Bin positiv gestimmt.", "Hab nichts zu meckern, im Gegenteil.", "Ganz ehrlich, klasse.", "Freu mich."],
    "-": ["Leider eine Enttäuschung.", "Ärgerlich.", "Nie wieder.", "Also ehrlich.", "Was soll ich sagen.",
          "Ich bin echt sauer.", "Ein Stern, weil null nicht geht.", "Schade.", "Puh, wo fang ich an.",
          "Also das war nix.", "Ich bin bedient.", "Vorsicht!", "Was für ein Reinfall.", "Muss leider meckern.",
          "Enttäuscht.", "Kurz gesagt: ärgerlich.", "Ich warne mal vor.", "Das lief leider gar nicht gut.",
          "Mein Fazit vorweg: nicht gut.", "Unglaublich."],
    "0": ["Hmm.", "Ich bin zwiegespalten.", "Gemischte Gefühle.", "Also.", "Naja.", "Vorweg:",
          "Kurz meine Erfahrung:", "Update nach ein paar Wochen:", "Tja, also.", "Also gut.", "Gemischtes Fazit.",
          "Mal so, mal so.", "Zwei Seiten der Medaille.", "Kurzer Bericht:", "Meine Erfahrung in Kürze:",
          "Ein paar Worte dazu:", "Ehrliche Bewertung:", "So, mal eine Rückmeldung.", "Teils, teils.",
          "Erstmal vorweg:"],
}

FILLERS: list[str] = [
    "Hab für meine Schwester bestellt.",
    "Bestelle hier seit Jahren.",
    "War meine erste Bestellung hier.",
    "Ist ein Geschenk für {person}.",
    "Hab {einding} bestellt.",
    "Hab {einding} für {person} bestellt.",
    "Hatte {einding} und noch ein paar Kleinigkeiten im Warenkorb.",
    "Bin durch Zufall auf den Shop gestoßen.",
    "Brauchte dringend {einding}.",
    "Mein altes Teil war kaputt, also musste was Neues her.",
    "Wurde mir von einer Freundin empfohlen.",
    "Ich bestelle eigentlich selten online.",
    "Zweite Bestellung in diesem Monat.",
    "Hab {einding} als Ersatz für mein altes Teil gekauft.",
    "Wir haben das für unsere neue Wohnung geholt.",
    "Das war für den Urlaub gedacht.",
    "Ich schreib sonst nie Bewertungen, aber hier muss das sein.",
    "Hab lang überlegt, ob ich das kaufen soll.",
    "Hab {einding} als Geschenk für {person} gekauft.",
    "Ich bestelle hier ab und zu.",
    "Bin Stammkundin.",
    "Das war meine dritte Bestellung.",
    "Hab spontan zugeschlagen.",
    "Ich hab {einding} für die Arbeit gebraucht.",
    "Nach langem Suchen hab ich {einding} hier gefunden.",
    "Mein Mann wollte unbedingt {einding}.",
    "Eigentlich wollte ich nur mal stöbern.",
    "Hab die Bestellung für meine Eltern gemacht.",
    "Ich kaufe sonst lieber vor Ort.",
    "Ist schon meine zehnte Bestellung oder so.",
    "Brauchte noch schnell was für die Reise.",
    "Ich hab {einding} auf Empfehlung gekauft.",
    "Wir haben zu zweit bestellt.",
    "Das war ein Spontankauf.",
    "Habe lange mit mir gerungen.",
    "Meine Kollegin hat mir den Shop gezeigt.",
    "Es sollte ein Überraschungsgeschenk werden.",
    "Das Teil stand schon ewig auf meiner Liste.",
    "Bin neu hier.",
    "Normalerweise bestelle ich nur Bücher online.",
    "Hab das in einer Werbung gesehen.",
    "Ich schreibe diese Bewertung für andere Kunden.",
    "Ich bin eher kritisch mit Bewertungen.",
    "Hab {einding} für unser Ferienhaus gekauft.",
    "Das ist meine ehrliche Meinung.",
    "Hab nach einer Alternative zu meinem alten Teil gesucht.",
]

# Longer scene-setting sentences for the occasional long review (no label).
STORY: list[str] = [
    "Ich hatte lange nach so etwas gesucht und mich nach vielen Vergleichen für diesen Shop entschieden.",
    "Bestellt hab ich an einem Sonntagabend, weil ich unter der Woche kaum Zeit habe.",
    "Eigentlich kaufe ich lieber im Laden, aber in unserer Stadt gibt es so was nicht mehr.",
    "Ich beschreib mal der Reihe nach, wie es gelaufen ist.",
    "Vorweg: Ich bin kein Mensch, der sich schnell beschwert.",
    "Wir sind gerade umgezogen und brauchten einiges für die neue Wohnung.",
    "Hab {einding} für {person} zum Geburtstag bestellt, deshalb war mir das alles wichtig.",
    "Ich hab mir vorher die Bewertungen durchgelesen und war eigentlich zuversichtlich.",
    "Jetzt, ein paar Wochen später, kann ich ein ehrliches Fazit ziehen.",
    "Meine Erwartungen waren ehrlich gesagt nicht besonders hoch, aber trotzdem.",
    "Ich bestelle hier schon seit ein paar Jahren, ungefähr einmal im Monat, meistens Kleinkram.",
    "Bestellt hatte ich {einding} und ein paar Kleinigkeiten, die ich eh gebraucht hab.",
    "Ich hatte den Artikel schon ein paar Wochen beobachtet und dann beim ersten Angebot zugeschlagen.",
    "Wir brauchten {einding} kurzfristig, weil das alte Teil kaputt gegangen war.",
    "Ich erzähle das jetzt etwas ausführlicher, weil mich das wirklich beschäftigt hat.",
    "Mein Mann meinte, ich soll endlich mal eine Bewertung schreiben, also hier ist sie.",
    "Ich hab beruflich viel mit Onlinehandel zu tun, deshalb schau ich vielleicht genauer hin.",
    "Eigentlich wollte ich gar nichts bestellen, aber dann kam eins zum anderen.",
    "Es war ein Geschenk, deswegen war ich besonders gespannt, wie alles klappt.",
    "Ich habe mir Zeit gelassen mit dieser Bewertung, damit sie fair ist.",
    "Wir hatten in der Familie lange darüber diskutiert, ob wir das wirklich brauchen.",
    "Die Bestellung habe ich Anfang des Monats aufgegeben, kurz vor unserem Urlaub.",
    "Ich bin Rentnerin und bestelle nicht so oft im Internet, deshalb war ich etwas nervös.",
    "Da ich im dritten Stock ohne Aufzug wohne, bestelle ich schwere Sachen lieber online.",
    "Für meine kleine Wohnung suche ich immer praktische Sachen, die nicht viel Platz brauchen.",
    "Vor ein paar Wochen hab ich hier zum ersten Mal etwas Größeres bestellt.",
    "Meine Tochter hat mir den Shop gezeigt, sie bestellt da ständig.",
    "Ich hatte vorher in mehreren Foren nach Empfehlungen gefragt.",
    "Weil ich im Schichtdienst arbeite, kaufe ich fast alles online.",
    "Ich will hier keinen Roman schreiben, aber ein paar Dinge müssen raus.",
    "Zuerst war ich skeptisch, weil ich den Shop nicht kannte.",
    "Das Ganze ist jetzt ungefähr einen Monat her.",
]

CLOSERS: dict[str, list[str]] = {
    "+": ["Gerne wieder!", "Klare Empfehlung.", "5 Sterne.", "Weiter so!", "Danke!", "Bin happy.",
          "Jederzeit wieder.", "Top!", "Daumen hoch.", "Sehr empfehlenswert.", "Gern wieder hier.", "Alles bestens.",
          "Volle Punktzahl.", "Bestelle bestimmt wieder.", "Macht weiter so.", "Dickes Lob.",
          "Von mir eine klare Kaufempfehlung.", "Hat Spaß gemacht.", "Bis zum nächsten Mal!", "Fünf von fünf.",
          "Kann ich nur empfehlen."],
    "-": ["Nie wieder hier.", "Finger weg.", "Schade eigentlich.", "Ein Stern ist noch zu viel.",
          "Bin echt enttäuscht.", "So nicht.", "Ich bestell hier nicht mehr.", "Leider nicht empfehlenswert.",
          "Nicht empfehlenswert.", "Das war's für mich.", "Finger weg von diesem Shop.", "Schade drum.",
          "Einmal und nie wieder.", "Null Sterne, wenn's ginge.", "Ich bin raus.", "Bestelle woanders.",
          "Ärgerlich, das Ganze.", "Hoffentlich lesen die das.", "Enttäuschend.", "Nie mehr."],
    "0": ["Mal sehen.", "Naja, so lala.", "Drei Sterne.", "Kann man machen.", "Geht so, mehr nicht.",
          "Mal schauen, ob ich nochmal bestelle.", "Mittelmaß.", "Mal abwarten.", "Okay, mehr nicht.",
          "Durchschnitt.", "Drei von fünf.", "Geht besser, geht schlechter.", "Kein Totalausfall.",
          "Schaun mer mal.", "Mal gucken.", "Kann man so lassen.", "Nicht schlecht, nicht gut.",
          "Irgendwo in der Mitte.", "Unterm Strich okay."],
}

# Short vague starts for very short reviews ("passt scho, kam fix").
VAGUE: list[str] = ["najaaa.", "passt scho.", "joa.", "geht so halbwegs.", "hm.", "okay.", "na gut.",
                    "alles in allem ok.", "ganz ehrlich:", "tja.", "tjaja.", "hmm naja.", "soso.", "ja mei.", "nun ja.",
                    "kurz:", "sagen wir so:",
                    "mh.", "also jo.", "joa mei.", "gut.", "wie gesagt:", "na schön.", "so lala.", "mei."]

# Contrast markers put before a sentence whose tone flips ("Lieferung top. Aber: ...").
CONTRAST: dict[str, list[str]] = {
    "-": ["Aber:", "Leider:", "Einziger Minuspunkt:", "Was mich stört:", "Negativ:", "Allerdings:", "Leider aber:",
          "Nur:", "Was nervt:", "Kleiner Haken:", "Der Wermutstropfen:", "Andererseits:"],
    "+": ["Dafür:", "Positiv:", "Immerhin:", "Was gut war:", "Zum Glück:", "Gut war:", "Aber immerhin:",
          "Lob verdient:", "Wenigstens:", "Was mich versöhnt:", "Auf der anderen Seite:"],
}

# Words that may be written lower-case after ", aber" (everything else might be a noun).
LOWERCASE_OK: frozenset[str] = frozenset(
    """der die das den dem des ein eine einen einem ich wir es er sie man mein meine meinen mir mich
    hab habe hat hatte war ist sind kam kommt nach vor bei mit für auf in im am zum zur nur schon erst
    auch so sehr leider alles nichts nix noch dann da hier kein keine keiner wurde wird kann konnte
    musste muss gab gibt würde total echt voll eigentlich bisher jetzt immer wie was wer wo dass weil
    obwohl als wenn bis seit ohne um zu ganz ziemlich viel etwas fast kaum nie niemand einfach eher
    zwar trotzdem sofort direkt gleich danach beim vom selbst plötzlich angeblich""".split()
)

# Colloquial rewrites (regex, replacement); each applies with some probability per review.
COLLOQUIAL: list[tuple[str, str]] = [
    (r"\bnicht\b", "nich"),
    (r"\bgar nicht\b", "garnich"),
    (r"\beine\b", "ne"),
    (r"\beinen\b", "nen"),
    (r"\bhabe\b", "hab"),
    (r"\bist\b", "is"),
    (r"\betwas\b", "was"),
    (r"\bwirklich\b", "echt"),
    (r"\bund\b", "u."),
    (r"\bvielleicht\b", "vllt"),
    (r"\bschon\b", "scho"),
    (r"\bnichts\b", "nix"),
    (r"\bsehr\b", "seeehr"),
    (r"\bdas\b", "des"),
    (r"\bjetzt\b", "jetz"),
    (r"\bokay\b", "ok"),
    (r"\bsuper\b", "suuuper"),
]


# --- parsing --------------------------------------------------------------------------------


def _where(raw: str) -> str:
    """'fragments.py:LINE' of a line of this file, for error messages."""
    path = Path(__file__)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line == raw:
            return f"{path.name}:{number}"
    return path.name


def parse_block(block: str, default_kind: str = "explicit") -> list[Fragment]:
    """Turn a block of ``<polarity> [cat:] text`` lines into fragments.

    A header line ``# <kind> [<style> ...]`` starts a section: the kind (explicit, implicit, brief)
    and any styles (negation, comparison, irony) apply to the lines below it. In two-label blocks
    a header holds styles only.
    """
    fragments: list[Fragment] = []
    kind, style = default_kind, ()
    for raw in block.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            words = line.lstrip("# ").split()
            kind = words.pop(0) if words and words[0] in KINDS else default_kind
            unknown = [word for word in words if word not in STYLES]
            if unknown:
                raise ValueError(f"{_where(raw)}: unknown section word(s) {unknown} in header {line!r}; "
                                 f"use a kind {KINDS} followed by styles {STYLES}.")
            style = tuple(words)
            continue
        polarity, text = line[0], line[1:].strip()
        if polarity not in "+-0":
            raise ValueError(f"{_where(raw)}: fragment without a tone; start the line with +, - or 0: {line!r}")
        category = None
        head, _, rest = text.partition(": ")
        if rest and head and set(head) <= set(CATEGORIES):
            category, text = head, rest.strip()
        fragments.append(Fragment(text, polarity, category, kind, style))
    return fragments


TOPIC_FRAGMENTS: dict[str, list[Fragment]] = {label: parse_block(TOPIC_BLOCKS[label]) for label in LABELS}
# Keys in label order, which is how the composer looks pairs up.
PAIR_FRAGMENTS: dict[tuple[str, ...], list[Fragment]] = {
    tuple(sorted(pair, key=LABELS.index)): parse_block(block, default_kind="pair")
    for pair, block in PAIR_BLOCKS.items()
}
