# preflight: see ../mod.rs. Every id here exists in the other language's preflight.ftl.
# De PDF/X-4-preflight (`drukwerk preflight`): het rapport, de samenvatting en elke bevinding.
# Codes (`device-rgb`) en PDF-namen (TrimBox, /AA, pdf:Trapped) blijven zoals ze zijn.

## Het rapport

preflight-location-document = document
preflight-location-page = pagina { $page }
preflight-location-object = object { $object }
preflight-location-page-object = pagina { $page }, object { $object }
preflight-same-on = hetzelfde op nog { $count ->
    [one] { $count } pagina
   *[other] { $count } pagina's
}: { $pages }
preflight-summary-passed = { $file }: PDF { $version }, { $pages ->
    [one] { $pages } pagina
   *[other] { $pages } pagina's
}: voldoet aan de PDF/X-4-preflight ({ $errors ->
    [one] { $errors } fout
   *[other] { $errors } fouten
}, { $warnings ->
    [one] { $warnings } waarschuwing
   *[other] { $warnings } waarschuwingen
})
preflight-summary-failed = { $file }: PDF { $version }, { $pages ->
    [one] { $pages } pagina
   *[other] { $pages } pagina's
}: voldoet niet aan de PDF/X-4-preflight ({ $errors ->
    [one] { $errors } fout
   *[other] { $errors } fouten
}, { $warnings ->
    [one] { $warnings } waarschuwing
   *[other] { $warnings } waarschuwingen
})
preflight-not-checked-file = { $file }: kan niet worden gecontroleerd
preflight-cannot-print = het rapport kan niet worden getoond: { $reason }
preflight-list = { $first }, { $rest }

## Bestanden die helemaal niet te controleren zijn

preflight-unreadable-help = controleer of het een volledig PDF-bestand is (een download kan zijn afgebroken) en exporteer het opnieuw
preflight-unreadable-not-pdf = geen PDF-bestand (geen %PDF-kop)
preflight-unreadable-too-large = het bestand is groter dan 1 GB
preflight-unreadable-damaged = de PDF kan niet worden gelezen
preflight-unreadable-password = de PDF is versleuteld en kan alleen met een wachtwoord worden geopend
preflight-unreadable-no-pages = de PDF heeft geen pagina's
preflight-unreadable-truncated = het bestand is afgebroken (geen %%EOF-markering aan het eind)
preflight-unreadable-missing = dit bestand bestaat niet
preflight-unreadable-permission = het bestand mag niet worden gelezen (geen toestemming)
preflight-unreadable-io = het bestand kan niet worden gelezen

## Het hele bestand

preflight-damaged-reconstructed = de xref-tabel is beschadigd; het bestand kon alleen worden gelezen door het op objecten te doorzoeken
    .help = exporteer het bestand opnieuw: een RIP leest het misschien anders, of helemaal niet
preflight-damaged-repaired = de xref-tabel wijst naar de verkeerde plaatsen (bij het lezen hersteld)
    .help = exporteer het bestand opnieuw, of sla het één keer op vanuit een PDF-programma om het te herstellen
preflight-not-checked = alleen de eerste { $limit } pagina's zijn gecontroleerd
    .help = splits het bestand en controleer de delen
preflight-export-again = exporteer het bestand opnieuw
preflight-damaged-export-again = het bestand is beschadigd: exporteer het opnieuw
preflight-pdf-version = PDF { $version }: PDF/X-4 is gebaseerd op PDF 1.6 en staat geen latere versie toe
    .help = exporteer als PDF/X-4 (dat schrijft PDF 1.6)
preflight-encrypted = de PDF is beveiligd (met een wachtwoord of met beperkingen)
    .help = exporteer opnieuw zonder beveiliging: de RIP van de drukkerij moet elk object kunnen lezen
preflight-no-catalog = de PDF heeft geen leesbare documentcatalogus

## Output intent en uitvoerprofiel

preflight-no-output-intent = geen PDF/X-output intent: het bestand zegt niet voor welke drukconditie de kleuren bedoeld zijn
    .help = exporteer als PDF/X-4 met het uitvoerprofiel van de drukkerij (bijvoorbeeld FOGRA39, of PSO Coated v3 / FOGRA51 voor gestreken papier)
preflight-several-output-intents = { $count } PDF/X-output intents; PDF/X-4 staat er één toe
    .help = exporteer opnieuw met één output intent: de drukconditie van de drukkerij
preflight-no-output-condition = de output intent heeft geen OutputConditionIdentifier
    .help = geef bij het exporteren de drukconditie op (bijvoorbeeld FOGRA39)
preflight-no-output-profile = de output intent heeft geen ingesloten ICC-profiel (DestOutputProfile)
    .help = bij PDF/X-4 is het profiel van de drukconditie ingesloten: exporteer met het profiel erbij
preflight-output-profile-help = sluit het CMYK-uitvoerprofiel van de drukkerij in (een .icc-bestand van de klasse 'prtr')
preflight-output-profile-packed = het uitvoerprofiel kan niet worden uitgepakt
preflight-output-profile-unusable = het uitvoerprofiel is onbruikbaar: { $reason }
preflight-output-profile-class = het uitvoerprofiel is { $class }, geen uitvoerprofiel
preflight-output-profile-space = het uitvoerprofiel is voor { $space }-uitvoer, niet voor CMYK
    .help = een offsetdrukkerij verwacht een CMYK-drukconditie; overleg met de drukkerij
preflight-output-profile-components = de profielstream zegt /N { $n }, het profiel heeft { $components } componenten
preflight-output-profile-no-components = de profielstream heeft geen /N, het profiel heeft { $components } componenten

## Identificatie (XMP en Info)

preflight-no-xmp = geen XMP-metadata: daarin maakt een PDF/X-4-bestand zich bekend
    .help = exporteer als PDF/X-4; het exportprogramma schrijft de metadata
preflight-xmp-missing = in de XMP-metadata ontbreekt de { $what } ({ $property })
    .help = exporteer opnieuw als PDF/X-4; het exportprogramma schrijft de metadata
preflight-xmp-title = titel
preflight-xmp-create-date = aanmaakdatum
preflight-xmp-modify-date = wijzigingsdatum
preflight-xmp-document-id = documentidentificatie
preflight-xmp-version-id = versie-identificatie
preflight-xmp-rendition-class = weergaveklasse
preflight-no-pdfx-id = het bestand geeft niet aan dat het PDF/X-4 is (geen pdfxid:GTS_PDFXVersion in de XMP)
    .help = exporteer als PDF/X-4
preflight-other-pdfx = het bestand geeft aan { $version } te zijn, niet PDF/X-4
    .help = exporteer als PDF/X-4; PDF/X-1a en X-3 staan transparantie en ICC-kleuren niet toe zoals X-4 dat doet
preflight-trapped = pdf:Trapped is { $value }; PDF/X-4 vraagt True of False
    .help = geef aan of het bestand al getrapt is (meestal False: de drukkerij trapt zelf)
preflight-trapped-missing = pdf:Trapped ontbreekt; PDF/X-4 vraagt True of False
preflight-info-title = de titel in de Info-dictionary ("{ $info }") wijkt af van de XMP-titel ("{ $xmp }")
    .help = stel de titel één keer in het exportprogramma in, zodat beide hetzelfde zeggen
preflight-info-trapped = /Trapped in de Info-dictionary (/{ $value }) wijkt af van pdf:Trapped
    .help = exporteer opnieuw; beide moeten hetzelfde zeggen
preflight-info-version = de Info-dictionary noemt { $version }, de XMP iets anders

## Interactieve onderdelen

preflight-javascript = het document bevat JavaScript
    .help = exporteer zonder scripts; een drukbestand hoeft niets uit te voeren
preflight-embedded-file = het document heeft ingesloten bestanden (bijlagen)
    .help = verwijder de bijlagen; stuur andere bestanden apart naar de drukkerij
preflight-document-actions = het document heeft extra acties (/AA) die bij openen of sluiten worden uitgevoerd
    .help = exporteer zonder interactieve onderdelen
preflight-open-action = het document voert een actie uit wanneer het wordt geopend
preflight-form = het document heeft formuliervelden
    .help = maak het formulier plat (de velden als pagina-inhoud) voordat u het verstuurt
preflight-action = een { $kind }-actie (in een bladwijzer, formulier of pagina)
    .help = verwijder interactieve onderdelen: PDF/X staat geen acties toe

## Pagina's

preflight-unreadable-page = het pagina-object kan niet worden gelezen
preflight-page-actions = de pagina voert acties uit bij openen of sluiten (/AA)
preflight-no-media-box = de pagina heeft geen MediaBox
preflight-trim-and-art-box = de pagina heeft zowel een TrimBox als een ArtBox
    .help = PDF/X wil er één; de drukkerij gebruikt de TrimBox (het eindformaat)
preflight-no-trim-box = de pagina heeft geen TrimBox: het eindformaat is onbekend
    .help = exporteer met het paginaformaat van het document als eindformaat (in de meeste programma's: PDF/X-export met 'afloopinstellingen van document gebruiken')
preflight-bleed-outside-media = de BleedBox valt buiten de MediaBox
    .help = exporteer opnieuw; de afloop moet binnen de pagina liggen
preflight-trim-outside-bleed = de TrimBox valt buiten de BleedBox
    .help = exporteer opnieuw; het eindformaat moet binnen de afloop liggen
preflight-annotation = { $count ->
    [one] { $kind }-annotatie
   *[other] { $count } { $kind }-annotaties
} { $place ->
    [trim] binnen het eindformaat
    [bleed] in de afloop
    [outside] buiten de afloop
   *[page] op de pagina
}
preflight-annotation-link = exporteer zonder links (links horen in de webeditie)
preflight-annotation-widget = maak de formuliervelden plat voordat u het bestand verstuurt
preflight-annotation-other = verwijder de annotatie, of maak haar plat in de pagina als ze moet worden gedrukt
preflight-bleed = kleur loopt tot aan de snijrand met minder dan 3 mm afloop: { $sides }
    .help = laat achtergronden en afbeeldingen die de rand raken 3 mm doorlopen, en exporteer met 3 mm afloop
preflight-bleed-side = { $side ->
    [left] links
    [bottom] onder
    [right] rechts
   *[top] boven
} ({ $mm } mm)

## Pagina-inhoud

preflight-too-complex = de pagina heeft meer dan { $limit } tekenopdrachten; de rest is niet gecontroleerd
    .help = vereenvoudig de illustraties (maak zeer grote vectortekeningen plat) en controleer opnieuw
preflight-unreadable-content = een contentstream kan niet worden gelezen
preflight-device-rgb = DeviceRGB-kleur ({ $what ->
    [operator] kleur ingesteld met rg/RG
    [space] een kleurruimte op basis van DeviceRGB
    [image] een afbeelding in DeviceRGB
   *[gradient] een kleurverloop in DeviceRGB
})
    .help = zet de kleuren vóór het exporteren om naar CMYK voor de drukconditie, of geef ze een ICC-profiel (sRGB)
preflight-ink-coverage = { $what ->
    [fill] vulling
    [text] tekst
    [outline] tekstcontour
   *[stroke] lijn
} in C { $c } M { $m } Y { $y } K { $k } heeft een inktdekking van { $total } %, meer dan { $limit } %
    .help = verlaag cyaan, magenta en geel in deze kleur tot de vier inkten samen hoogstens { $limit } % zijn
preflight-font-not-embedded = lettertype { $font } is niet ingesloten
    .help = sluit bij het exporteren alle lettertypen in (subsets zijn goed); anders vervangt de RIP van de drukkerij het door een ander lettertype
preflight-rgb-blend-space = een transparantiegroep mengt in DeviceRGB
    .help = meng transparantie in CMYK (stel bij het exporteren de overvloeiruimte van het document in op CMYK)
preflight-image-resolution = afbeelding van { $width } × { $height } px, geplaatst op { $placed_width } × { $placed_height } mm: { $ppi } ppi (minder dan { $threshold })
    .help = gebruik voor dit formaat een afbeelding van minstens { $need_width } × { $need_height } px ({ $target } ppi), of plaats haar kleiner
preflight-transfer-function = een transferfunctie verandert de toonwaarden
    .help = verwijder transferfuncties: PDF/X laat de toonwaarden over aan de drukconditie
