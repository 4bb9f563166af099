# render: see ../mod.rs. Every id here exists in the other language's render.ftl.

## ICC-profielen (dat van de drukconditie, en het uitvoerprofiel van een PDF)

icc-too-short = { $bytes } bytes is te kort voor een ICC-profiel
icc-too-large = { $bytes } bytes is te groot voor een uitvoerprofiel (hoogstens 16 MB)
icc-no-signature = geen ICC-profiel (geen 'acsp'-handtekening in de kop)
icc-size-mismatch = volgens de kop van het profiel is het { $declared } bytes, maar het zijn er { $actual } (afgebroken of beschadigd)
icc-class = { $class ->
    [prtr] een uitvoerprofiel
    [mntr] een beeldschermprofiel
    [scnr] een invoerprofiel
    [link] een devicelinkprofiel
    [spac] een kleurruimteprofiel
    [abst] een abstract profiel
    [nmcl] een profiel met benoemde kleuren
   *[other] een profiel van onbekende klasse
} ({ $signature })

