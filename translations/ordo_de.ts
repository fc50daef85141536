<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>The order is not held.</source>
        <translation>Die Bestellung ist nicht angehalten.</translation>
    </message>
    <message>
        <source>Held for:</source>
        <translation>Angehalten wegen:</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>%1: %2 at %3 (%4)</source>
        <translation>%1: %2 in %3 (%4)</translation>
    </message>
</context>
<context>
    <name>ordo::ui::AddressDialog</name>
    <message>
        <source>Ship-to of order %1</source>
        <translation>Lieferadresse der Bestellung %1</translation>
    </message>
    <message>
        <source>ISO 3166 two-letter code: US, CA, GB, DE...</source>
        <translation>ISO-3166-Ländercode mit zwei Buchstaben: US, CA, GB, DE...</translation>
    </message>
    <message>
        <source>State or province code, e.g. NY or ON</source>
        <translation>Bundesland- oder Provinzcode, z. B. NY oder ON</translation>
    </message>
    <message>
        <source>What was checked, e.g. confirmed with the customer by phone</source>
        <translation>Was geprüft wurde, z. B. telefonisch mit dem Kunden bestätigt</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Street:</source>
        <translation>Straße:</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>Ort:</translation>
    </message>
    <message>
        <source>State / region:</source>
        <translation>Bundesland / Region:</translation>
    </message>
    <message>
        <source>Postal code:</source>
        <translation>Postleitzahl:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Land:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <source>Save and validate</source>
        <translation>Speichern und prüfen</translation>
    </message>
    <message>
        <source>A postal code is needed</source>
        <translation>Eine Postleitzahl ist erforderlich</translation>
    </message>
    <message>
        <source>Not checked for %1</source>
        <translation>Für %1 nicht geprüft</translation>
    </message>
    <message>
        <source>Give the country</source>
        <translation>Land angeben</translation>
    </message>
    <message>
        <source>✓ A postal code of %1</source>
        <translation>✓ Gültige Postleitzahl für %1</translation>
    </message>
    <message>
        <source>✗ Not a postal code of %1 (%2)</source>
        <translation>✗ Keine gültige Postleitzahl für %1 (%2)</translation>
    </message>
    <message>
        <source>The order has no coordinates.</source>
        <translation>Die Bestellung hat keine Koordinaten.</translation>
    </message>
    <message>
        <source>Coordinates %1 are kept.</source>
        <translation>Die Koordinaten %1 bleiben erhalten.</translation>
    </message>
    <message>
        <source>Coordinates %1 will be dropped: the postal code changed.</source>
        <translation>Die Koordinaten %1 werden verworfen: Die Postleitzahl hat sich geändert.</translation>
    </message>
</context>
<context>
    <name>ordo::ui::AdjustStockDialog</name>
    <message>
        <source>Adjust stock of %1</source>
        <translation>Bestand von %1 korrigieren</translation>
    </message>
    <message>
        <source>Units to add (positive) or to take away (negative)</source>
        <translation>Hinzuzufügende (positiv) oder abzuziehende (negativ) Einheiten</translation>
    </message>
    <message>
        <source>Cycle count</source>
        <translation>Inventurzählung</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Wareneingang</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Gefunden</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <source>Shrinkage</source>
        <translation>Schwund</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Retoure</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>What was found, and where</source>
        <translation>Was gefunden wurde, und wo</translation>
    </message>
    <message>
        <source>SKU:</source>
        <translation>Artikel:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Standort:</translation>
    </message>
    <message>
        <source>Change (+/−):</source>
        <translation>Änderung (+/−):</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <source>Adjust stock</source>
        <translation>Bestand korrigieren</translation>
    </message>
    <message>
        <source>The change is written to the stock ledger with your name and the reason.</source>
        <translation>Die Änderung wird mit Ihrem Namen und dem Grund im Bestandsjournal festgehalten.</translation>
    </message>
    <message>
        <source>On hand at %1: %2</source>
        <translation>Bestand in %1: %2</translation>
    </message>
    <message>
        <source>On hand at %1 is %2: it cannot go below zero.</source>
        <translation>Bestand in %1 ist %2: er kann nicht unter null fallen.</translation>
    </message>
    <message>
        <source>On hand at %1: %2 → %3</source>
        <translation>Bestand in %1: %2 → %3</translation>
    </message>
</context>
<context>
    <name>ordo::ui::AtpBreakdownModel</name>
    <message>
        <source>max(0, on hand − reserved − safety stock − buffer) + future supply within the horizon</source>
        <translation>max(0, Bestand − reserviert − Sicherheitsbestand − Puffer) + künftiger Zugang im Horizont</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>− Reserved</source>
        <translation>− Reserviert</translation>
    </message>
    <message>
        <source>− Safety</source>
        <translation>− Sicherheit</translation>
    </message>
    <message>
        <source>− Buffer</source>
        <translation>− Puffer</translation>
    </message>
    <message>
        <source>+ Future</source>
        <translation>+ Zugang</translation>
    </message>
    <message>
        <source>= ATP</source>
        <translation>= Verfügbar</translation>
    </message>
    <message>
        <source>Computation</source>
        <translation>Berechnung</translation>
    </message>
</context>
<context>
    <name>ordo::ui::CancelOrderDialog</name>
    <message>
        <source>Cancel order %1</source>
        <translation>Bestellung %1 stornieren</translation>
    </message>
    <message>
        <source>Customer request</source>
        <translation>Kundenwunsch</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Nicht vorrätig</translation>
    </message>
    <message>
        <source>Fraud suspected</source>
        <translation>Betrugsverdacht</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>Zahlung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Address invalid</source>
        <translation>Adresse ungültig</translation>
    </message>
    <message>
        <source>Duplicate order</source>
        <translation>Doppelte Bestellung</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>What happened, and who asked for it</source>
        <translation>Was ist passiert, und wer hat es veranlasst</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Bestellung stornieren</translation>
    </message>
    <message>
        <source>Keep order</source>
        <translation>Bestellung behalten</translation>
    </message>
    <message>
        <source>Cancelling releases any reserved stock. This cannot be undone.</source>
        <translation>Beim Stornieren wird reservierter Bestand freigegeben. Das kann nicht rückgängig gemacht werden.</translation>
    </message>
</context>
<context>
    <name>ordo::ui::CandidateModel</name>
    <message>
        <source>%1 (chosen)</source>
        <translation>%1 (gewählt)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1: passed (%2)</source>
        <translation>%1: bestanden (%2)</translation>
    </message>
    <message>
        <source>%1: failed (%2)</source>
        <translation>%1: nicht bestanden (%2)</translation>
    </message>
    <message>
        <source>%1 was not judged for this location</source>
        <translation>%1 wurde für diesen Standort nicht bewertet</translation>
    </message>
    <message>
        <source>%1: value %2 (%3), weighted score %4</source>
        <translation>%1: Wert %2 (%3), gewichtete Punktzahl %4</translation>
    </message>
    <message>
        <source>%1 (%2): value → weighted score</source>
        <translation>%1 (%2): Wert → gewichtete Punktzahl</translation>
    </message>
    <message>
        <source>Filter %1: ✓ passed, ✗ failed, with the value judged</source>
        <translation>Filter %1: ✓ bestanden, ✗ nicht bestanden, mit dem bewerteten Wert</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Geeignet</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punktzahl</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Entfernung</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Covers lines</source>
        <translation>Deckt Positionen</translation>
    </message>
    <message>
        <source>not considered: %1</source>
        <translation>nicht berücksichtigt: %1</translation>
    </message>
    <message>
        <source>%1 was not considered: %2</source>
        <translation>%1 wurde nicht berücksichtigt: %2</translation>
    </message>
</context>
<context>
    <name>ordo::ui::ChannelAtpModel</name>
    <message>
        <source>No location serves %1 with this SKU.</source>
        <translation>Kein Standort beliefert %1 mit diesem Artikel.</translation>
    </message>
    <message>
        <source>%1: %2 available to promise</source>
        <translation>%1: %2 zusagbar</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>Standorte</translation>
    </message>
    <message>
        <source>Buffer</source>
        <translation>Puffer</translation>
    </message>
    <message>
        <source>Future</source>
        <translation>Zugang</translation>
    </message>
    <message>
        <source>ATP</source>
        <translation>Verfügbar</translation>
    </message>
</context>
<context>
    <name>ordo::ui::ChannelImportRunner</name>
    <message>
        <source>held in Exception (%1)</source>
        <translation>in Ausnahme angehalten (%1)</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>whole file</source>
        <translation>gesamte Datei</translation>
    </message>
</context>
<context>
    <name>ordo::ui::ChooseLocationDialog</name>
    <message>
        <source>The router cannot place this order: %1</source>
        <translation>Die Zuweisungslogik kann diese Bestellung nicht zuweisen: %1</translation>
    </message>
    <message>
        <source>The router would ship from %1 for %2 in total.</source>
        <translation>Die Zuweisungslogik würde von %1 versenden, für insgesamt %2.</translation>
    </message>
    <message>
        <source>It leaves %1 unassigned.</source>
        <translation>Dabei bliebe %1 ohne Zuweisung.</translation>
    </message>
    <message>
        <source>Choose a location for %1</source>
        <translation>Standort für %1 wählen</translation>
    </message>
    <message>
        <source>What the router weighed (hover a cell for the value behind it):</source>
        <translation>Was die Zuweisungslogik abgewogen hat (Mauszeiger auf eine Zelle zeigt den zugrunde liegenden Wert):</translation>
    </message>
    <message>
        <source> (the router&apos;s choice)</source>
        <translation> (Wahl der Zuweisungslogik)</translation>
    </message>
    <message>
        <source> (fails %1)</source>
        <translation> (scheitert an %1)</translation>
    </message>
    <message>
        <source>no location holds %1 × %2</source>
        <translation>kein Standort hat %1 × %2</translation>
    </message>
    <message>
        <source>Line %1 · %2 × %3:</source>
        <translation>Position %1 · %2 × %3:</translation>
    </message>
    <message>
        <source>Why this location (kept in the audit trail)</source>
        <translation>Warum dieser Standort (wird im Prüfprotokoll festgehalten)</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <source>Reserve there</source>
        <translation>Dort reservieren</translation>
    </message>
</context>
<context>
    <name>ordo::ui::Console</name>
    <message>
        <source>Ordo cannot open the database</source>
        <translation>Ordo kann die Datenbank nicht öffnen</translation>
    </message>
    <message>
        <source>The database %1 could not be opened.

%2</source>
        <translation>Die Datenbank %1 konnte nicht geöffnet werden.

%2</translation>
    </message>
</context>
<context>
    <name>ordo::ui::CostModelModel</name>
    <message>
        <source>%1 %2/km</source>
        <translation>%1 %2/km</translation>
    </message>
    <message>
        <source>Location type</source>
        <translation>Standorttyp</translation>
    </message>
    <message>
        <source>Base fee per shipment</source>
        <translation>Grundgebühr je Sendung</translation>
    </message>
    <message>
        <source>Rate per km</source>
        <translation>Satz je km</translation>
    </message>
    <message>
        <source>A 500 km shipment</source>
        <translation>Eine Sendung über 500 km</translation>
    </message>
    <message>
        <source>Split penalty</source>
        <translation>Aufteilungszuschlag</translation>
    </message>
    <message>
        <source>%1 %2 per extra shipment</source>
        <translation>%1 %2 je zusätzlicher Sendung</translation>
    </message>
    <message>
        <source>Charged for each shipment of an order after the first: the cost of a second parcel to the customer and the carrier. An order is split only when splitting saves more.</source>
        <translation>Wird für jede Sendung eines Auftrags nach der ersten berechnet: die Kosten eines zweiten Pakets für Kunden und Versanddienstleister. Ein Auftrag wird nur aufgeteilt, wenn die Aufteilung mehr spart.</translation>
    </message>
</context>
<context>
    <name>ordo::ui::CriteriaWeightModel</name>
    <message>
        <source>Each shipment adds weight × value (%1) to the score; the lowest score wins.</source>
        <translation>Jede Sendung addiert Gewicht × Wert (%1) zur Punktzahl; die niedrigste Punktzahl gewinnt.</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Kriterium</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Value measured in</source>
        <translation>Wert gemessen in</translation>
    </message>
</context>
<context>
    <name>ordo::ui::CsvImportRunner</name>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>whole file</source>
        <translation>gesamte Datei</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>Die Datei kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>line %1: column &apos;%2&apos; is ignored</source>
        <translation>Zeile %1: Spalte „%2“ wird ignoriert</translation>
    </message>
    <message>
        <source>line %1: %2 fields where the header has %3</source>
        <translation>Zeile %1: %2 Felder, die Kopfzeile hat aber %3</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>ordo::ui::ExceptionCorrections</name>
    <message>
        <source>Edit address…</source>
        <translation>Adresse bearbeiten…</translation>
    </message>
    <message>
        <source>Map SKU…</source>
        <translation>Artikel zuordnen…</translation>
    </message>
    <message>
        <source>Validate again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Could not read the order: %1</source>
        <translation>Die Bestellung konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Your role may not correct orders</source>
        <translation>Ihre Rolle darf keine Bestellungen korrigieren</translation>
    </message>
    <message>
        <source>Correct the ship-to of the selected order and validate it again</source>
        <translation>Lieferadresse der ausgewählten Bestellung korrigieren und erneut prüfen</translation>
    </message>
    <message>
        <source>Give a line the catalogue did not know its SKU and validate the order again</source>
        <translation>Einer Position, deren Artikel der Katalog nicht kannte, den Artikel zuordnen und die Bestellung erneut prüfen</translation>
    </message>
    <message>
        <source>Validate the selected order again, e.g. after a rule was switched off or an SKU added</source>
        <translation>Die ausgewählte Bestellung erneut prüfen, z. B. nachdem eine Regel abgeschaltet oder ein Artikel angelegt wurde</translation>
    </message>
    <message>
        <source>Correcting the address…</source>
        <translation>Adresse wird korrigiert…</translation>
    </message>
    <message>
        <source>Mapping the SKU…</source>
        <translation>Artikel wird zugeordnet…</translation>
    </message>
    <message>
        <source>Mapping &apos;%1&apos; on every held order…</source>
        <translation>„%1“ wird bei jeder angehaltenen Bestellung zugeordnet…</translation>
    </message>
    <message>
        <source>Validating again…</source>
        <translation>Wird erneut geprüft…</translation>
    </message>
    <message>
        <source>Order %1 was not changed: %2</source>
        <translation>Bestellung %1 wurde nicht geändert: %2</translation>
    </message>
    <message>
        <source>Order %1 was not changed</source>
        <translation>Bestellung %1 wurde nicht geändert</translation>
    </message>
    <message>
        <source>Order %1 released: it passes every rule.</source>
        <translation>Bestellung %1 freigegeben: Sie erfüllt jede Regel.</translation>
    </message>
    <message>
        <source>Order %1 is still held: %2</source>
        <translation>Bestellung %1 ist weiterhin angehalten: %2</translation>
    </message>
    <message>
        <source>Order %1 corrected; it is %2.</source>
        <translation>Bestellung %1 korrigiert; Status: %2.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Mapped %1 on %n order(s): %2 released, %3 still held, %4 refused.</source>
        <translation>
            <numerusform>%1 bei %n Bestellung zugeordnet: %2 freigegeben, %3 weiterhin angehalten, %4 abgelehnt.</numerusform>
            <numerusform>%1 bei %n Bestellungen zugeordnet: %2 freigegeben, %3 weiterhin angehalten, %4 abgelehnt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ordo::ui::ExceptionQueueModel</name>
    <message>
        <source>In Exception since %1</source>
        <translation>Ausnahme seit %1</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
</context>
<context>
    <name>ordo::ui::ExceptionsView</name>
    <message>
        <source>Open order</source>
        <translation>Bestellung öffnen</translation>
    </message>
    <message>
        <source>No orders are on hold.</source>
        <translation>Keine Bestellungen angehalten.</translation>
    </message>
    <message>
        <source>1 order on hold</source>
        <translation>1 Bestellung angehalten</translation>
    </message>
    <message>
        <source>%1 orders on hold</source>
        <translation>%1 Bestellungen angehalten</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Your role may not release held orders</source>
        <translation>Ihre Rolle darf keine angehaltenen Bestellungen freigeben</translation>
    </message>
    <message>
        <source>Your role may not cancel orders</source>
        <translation>Ihre Rolle darf keine Bestellungen stornieren</translation>
    </message>
    <message>
        <source>Releasing…</source>
        <translation>Wird freigegeben…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird storniert…</translation>
    </message>
    <message>
        <source>Order %1 updated.</source>
        <translation>Bestellung %1 aktualisiert.</translation>
    </message>
    <message>
        <source>Order %1 was not changed.</source>
        <translation>Bestellung %1 wurde nicht geändert.</translation>
    </message>
    <message>
        <source>Order %1 was not changed</source>
        <translation>Bestellung %1 wurde nicht geändert</translation>
    </message>
    <message>
        <source>Work the queue one reason at a time</source>
        <translation>Die Liste Grund für Grund abarbeiten</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Genehmigen…</translation>
    </message>
    <message>
        <source>Approve the selected orders: send each back to where it was held</source>
        <translation>Ausgewählte Bestellungen genehmigen: jede dorthin zurückgeben, wo sie angehalten wurde</translation>
    </message>
    <message>
        <source>Cancel orders…</source>
        <translation>Bestellungen stornieren…</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>All reasons (%1)</source>
        <translation>Alle Gründe (%1)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1 orders</source>
        <translation>%1 Bestellungen</translation>
    </message>
    <message>
        <source>Releasing %1 orders…</source>
        <translation>%1 Bestellungen werden freigegeben…</translation>
    </message>
    <message>
        <source>Cancelling %1 orders…</source>
        <translation>%1 Bestellungen werden storniert…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 orders were not changed</source>
        <translation>%1 Bestellungen wurden nicht geändert</translation>
    </message>
    <message>
        <source>Route again</source>
        <translation>Erneut zuweisen</translation>
    </message>
    <message>
        <source>Route the selected orders now, on today&apos;s stock and rules</source>
        <translation>Ausgewählte Bestellungen jetzt zuweisen, mit heutigem Bestand und heutigen Regeln</translation>
    </message>
    <message>
        <source>Choose location…</source>
        <translation>Standort wählen…</translation>
    </message>
    <message>
        <source>See what the router would do, then choose the location yourself</source>
        <translation>Ansehen, was die Zuweisungslogik tun würde, und dann den Standort selbst wählen</translation>
    </message>
    <message>
        <source>Backorder…</source>
        <translation>In Rückstand setzen…</translation>
    </message>
    <message>
        <source>Let the selected orders wait for stock instead of holding them</source>
        <translation>Ausgewählte Bestellungen auf Bestand warten lassen, statt sie anzuhalten</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>Beheben:</translation>
    </message>
    <message>
        <source>Routing:</source>
        <translation>Zuweisung:</translation>
    </message>
    <message>
        <source>routed again from the Exceptions queue</source>
        <translation>aus der Ausnahmeliste erneut zugewiesen</translation>
    </message>
    <message>
        <source>Backorder</source>
        <translation>In Rückstand setzen</translation>
    </message>
    <message>
        <source>Backorder %1 orders</source>
        <translation>%1 Bestellungen in den Rückstand setzen</translation>
    </message>
    <message>
        <source>The orders wait for stock; routing runs place them once it arrives.
Note:</source>
        <translation>Die Bestellungen warten auf Bestand; Zuweisungsläufe weisen sie zu, sobald er eintrifft.
Notiz:</translation>
    </message>
    <message>
        <source>Asking the router…</source>
        <translation>Zuweisungslogik wird befragt…</translation>
    </message>
    <message numerus="yes">
        <source>Routing %n order(s)…</source>
        <translation>
            <numerusform>%n Bestellung wird zugewiesen…</numerusform>
            <numerusform>%n Bestellungen werden zugewiesen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Backordering %n order(s)…</source>
        <translation>
            <numerusform>%n Bestellung wird in den Rückstand gesetzt…</numerusform>
            <numerusform>%n Bestellungen werden in den Rückstand gesetzt…</numerusform>
        </translation>
    </message>
    <message>
        <source>Reserving where you chose…</source>
        <translation>Wird am gewählten Standort reserviert…</translation>
    </message>
</context>
<context>
    <name>ordo::ui::Format</name>
    <message>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Validated</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Routed</source>
        <translation>Zugewiesen</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Picking</source>
        <translation>Kommissionierung</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>Verpackt</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Versendet</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>Ausnahme</translation>
    </message>
    <message>
        <source>Web shop</source>
        <translation>Webshop</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Store (POS)</source>
        <translation>Filiale (Kasse)</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>Marktplatz</translation>
    </message>
    <message>
        <source>B2B</source>
        <translation>B2B</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>Versand</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>Abholung</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <source>Customer service</source>
        <translation>Kundenservice</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Lager</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 T</translation>
    </message>
</context>
<context>
    <name>ordo::ui::HoldOrderDialog</name>
    <message>
        <source>Hold order %1</source>
        <translation>Bestellung %1 anhalten</translation>
    </message>
    <message>
        <source>Held by hand</source>
        <translation>Von Hand angehalten</translation>
    </message>
    <message>
        <source>Customer request</source>
        <translation>Kundenwunsch</translation>
    </message>
    <message>
        <source>Address to check</source>
        <translation>Adresse prüfen</translation>
    </message>
    <message>
        <source>Payment to review</source>
        <translation>Zahlung prüfen</translation>
    </message>
    <message>
        <source>Fraud suspected</source>
        <translation>Betrugsverdacht</translation>
    </message>
    <message>
        <source>What must be checked before the order goes on</source>
        <translation>Was geprüft werden muss, bevor die Bestellung weitergeht</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <source>Hold order</source>
        <translation>Bestellung anhalten</translation>
    </message>
    <message>
        <source>The order stops where it is and waits in the Exceptions queue.</source>
        <translation>Die Bestellung bleibt stehen und wartet in der Ausnahmeliste.</translation>
    </message>
</context>
<context>
    <name>ordo::ui::ImportDialog</name>
    <message>
        <source>Import orders</source>
        <translation>Bestellungen importieren</translation>
    </message>
    <message>
        <source>Choose the files to import. Each file is checked first; nothing is saved until you press Import. A file is taken whole or refused whole.</source>
        <translation>Wählen Sie die zu importierenden Dateien. Jede Datei wird zuerst geprüft; gespeichert wird erst, wenn Sie auf Importieren klicken. Eine Datei wird ganz übernommen oder ganz abgelehnt.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Orders found</source>
        <translation>Gefundene Bestellungen</translation>
    </message>
    <message>
        <source>First problems</source>
        <translation>Erste Probleme</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>%v of %m files</source>
        <translation>%v von %m Dateien</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Stop after the file being imported</source>
        <translation>Nach der gerade importierten Datei stoppen</translation>
    </message>
    <message>
        <source>File / problem</source>
        <translation>Datei / Problem</translation>
    </message>
    <message>
        <source>Format / where</source>
        <translation>Format / Stelle</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Übernommen</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplikate</translation>
    </message>
    <message>
        <source>Click a problem to see where it is.</source>
        <translation>Klicken Sie auf ein Problem, um zu sehen, wo es liegt.</translation>
    </message>
    <message>
        <source>Your role may not import orders</source>
        <translation>Ihre Rolle darf keine Bestellungen importieren</translation>
    </message>
    <message>
        <source>Order files (*.csv *.json *.x12 *.edi *.txt);;All files (*)</source>
        <translation>Bestelldateien (*.csv *.json *.x12 *.edi *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>not recognised</source>
        <translation>nicht erkannt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <source>The import stopped: %1</source>
        <translation>Der Import wurde abgebrochen: %1</translation>
    </message>
    <message>
        <source>Stopping after this file…</source>
        <translation>Stoppt nach dieser Datei…</translation>
    </message>
    <message>
        <source>%1 — refused</source>
        <translation>%1 — abgelehnt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Click to open the held order</source>
        <translation>Klicken, um die angehaltene Bestellung zu öffnen</translation>
    </message>
    <message>
        <source>Click to see where it is</source>
        <translation>Klicken, um die Stelle zu sehen</translation>
    </message>
    <message>
        <source>%1 accepted (%2 held in Exception), %3 rejected, %4 already there; %5.</source>
        <translation>%1 übernommen (%2 in Ausnahme angehalten), %3 abgelehnt, %4 bereits vorhanden; %5.</translation>
    </message>
    <message>
        <source>no file refused</source>
        <translation>keine Datei abgelehnt</translation>
    </message>
    <message>
        <source>1 file refused</source>
        <translation>1 Datei abgelehnt</translation>
    </message>
    <message>
        <source>%1 files refused</source>
        <translation>%1 Dateien abgelehnt</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>ordo::ui::InventoryBackend</name>
    <message>
        <source>There is no SKU %1.</source>
        <translation>Es gibt keinen Artikel %1.</translation>
    </message>
    <message>
        <source>The adjustment was refused.</source>
        <translation>Die Korrektur wurde abgelehnt.</translation>
    </message>
    <message>
        <source>The adjustment changed nothing.</source>
        <translation>Die Korrektur hat nichts geändert.</translation>
    </message>
</context>
<context>
    <name>ordo::ui::InventoryView</name>
    <message>
        <source>Type to find a SKU, or scan its barcode.</source>
        <translation>Tippen, um einen Artikel zu finden, oder den Barcode scannen.</translation>
    </message>
    <message>
        <source>No SKU matches “%1”.</source>
        <translation>Kein Artikel passt zu „%1“.</translation>
    </message>
    <message>
        <source>The first %1 SKUs matching “%2”</source>
        <translation>Die ersten %1 Artikel zu „%2“</translation>
    </message>
    <message>
        <source>1 SKU matches “%1”</source>
        <translation>1 Artikel passt zu „%1“</translation>
    </message>
    <message>
        <source>%1 SKUs match “%2”</source>
        <translation>%1 Artikel passen zu „%2“</translation>
    </message>
    <message>
        <source>On hand %1 · reserved %2 · available to promise %3 at %4 locations</source>
        <translation>Bestand %1 · reserviert %2 · zusagbar %3 an %4 Standorten</translation>
    </message>
    <message numerus="yes">
        <source>%n low</source>
        <translation>
            <numerusform>%n knapp</numerusform>
            <numerusform>%n knapp</numerusform>
        </translation>
    </message>
    <message>
        <source>Computation</source>
        <translation>Berechnung</translation>
    </message>
    <message>
        <source>Computation for %1: %2 available to promise</source>
        <translation>Berechnung für %1: %2 zusagbar</translation>
    </message>
    <message>
        <source>Recent events</source>
        <translation>Letzte Buchungen</translation>
    </message>
    <message>
        <source>Recent events at %1</source>
        <translation>Letzte Buchungen in %1</translation>
    </message>
    <message>
        <source>Recent events at %1: none yet</source>
        <translation>Letzte Buchungen in %1: noch keine</translation>
    </message>
    <message>
        <source>Add or take away stock at a location, with a reason</source>
        <translation>Bestand an einem Standort mit Grund erhöhen oder verringern</translation>
    </message>
    <message>
        <source>Your role may not change stock</source>
        <translation>Ihre Rolle darf keine Bestände ändern</translation>
    </message>
    <message>
        <source>Adjusting stock of %1 at %2…</source>
        <translation>Bestand von %1 in %2 wird korrigiert…</translation>
    </message>
    <message>
        <source>Stock of %1 at %2 adjusted.</source>
        <translation>Bestand von %1 in %2 korrigiert.</translation>
    </message>
    <message>
        <source>Stock of %1 was not changed.</source>
        <translation>Bestand von %1 wurde nicht geändert.</translation>
    </message>
    <message>
        <source>Stock of %1 was not changed</source>
        <translation>Bestand von %1 wurde nicht geändert</translation>
    </message>
    <message>
        <source>SKU code, barcode or name</source>
        <translation>Artikelnummer, Barcode oder Name</translation>
    </message>
    <message>
        <source>Adjust stock…</source>
        <translation>Bestand korrigieren…</translation>
    </message>
    <message>
        <source>Available to promise by channel</source>
        <translation>Zusagbar nach Kanal</translation>
    </message>
    <message>
        <source>Stock by location</source>
        <translation>Bestand nach Standort</translation>
    </message>
    <message>
        <source>Find a SKU to see its stock in every location, what each channel may promise, and the ledger of its changes.</source>
        <translation>Suchen Sie einen Artikel, um seinen Bestand an jedem Standort, die Zusagen je Kanal und das Journal seiner Änderungen zu sehen.</translation>
    </message>
</context>
<context>
    <name>ordo::ui::LedgerModel</name>
    <message>
        <source>Happened %1, recorded %2</source>
        <translation>Geschehen %1, erfasst %2</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>On hand after</source>
        <translation>Bestand danach</translation>
    </message>
    <message>
        <source>Reserved after</source>
        <translation>Reserviert danach</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Event id</source>
        <translation>Buchungs-ID</translation>
    </message>
</context>
<context>
    <name>ordo::ui::MainWindow</name>
    <message>
        <source>Ordo</source>
        <translation>Ordo</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Ausnahmen</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Angemeldet als %1 (%2)</translation>
    </message>
    <message>
        <source>Exceptions (%1)</source>
        <translation>Ausnahmen (%1)</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Die Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The console could not open %1:
%2</source>
        <translation>Die Konsole konnte %1 nicht öffnen:
%2</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>Datenbank ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>&amp;Bestellungen</translation>
    </message>
    <message>
        <source>&amp;Exceptions</source>
        <translation>&amp;Ausnahmen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Ordo</source>
        <translation>Ü&amp;ber Ordo</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Search orders: number, e-mail, phone, name  (Ctrl+F)</source>
        <translation>Bestellungen suchen: Nummer, E-Mail, Telefon, Name  (Strg+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Refreshed</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>About Ordo</source>
        <translation>Über Ordo</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Ordo %1&lt;/h3&gt;&lt;p&gt;Order management for retailers and brands that sell through many channels.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ordo %1&lt;/h3&gt;&lt;p&gt;Bestellverwaltung für Händler und Marken, die über viele Kanäle verkaufen.&lt;/p&gt;&lt;p&gt;Datenbank: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Central server: %1</source>
        <translation>Zentraler Server: %1</translation>
    </message>
    <message>
        <source>Standalone: %1</source>
        <translation>Lokal: %1</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>&amp;Inventory</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>Routing rules</source>
        <translation>Zuweisungsregeln</translation>
    </message>
    <message>
        <source>&amp;Import orders…</source>
        <translation>Bestellungen &amp;importieren…</translation>
    </message>
</context>
<context>
    <name>ordo::ui::MapSkuDialog</name>
    <message>
        <source>Map SKU of order %1</source>
        <translation>Artikel der Bestellung %1 zuordnen</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Sent as</source>
        <translation>Gesendet als</translation>
    </message>
    <message>
        <source>Part numbers</source>
        <translation>Teilenummern</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>(no code)</source>
        <translation>(kein Code)</translation>
    </message>
    <message>
        <source>Search the catalogue by SKU code or name</source>
        <translation>Katalog nach Artikelnummer oder Name durchsuchen</translation>
    </message>
    <message>
        <source>Remember for partner %1: map it by itself on the next import</source>
        <translation>Für Partner %1 merken: beim nächsten Import automatisch zuordnen</translation>
    </message>
    <message>
        <source>Remember for this partner</source>
        <translation>Für diesen Partner merken</translation>
    </message>
    <message>
        <source>The order was not imported from a channel document: there is no partner to remember the code for</source>
        <translation>Die Bestellung wurde nicht aus einem Kanaldokument importiert: Es gibt keinen Partner, für den der Code gemerkt werden kann</translation>
    </message>
    <message>
        <source>Map and validate</source>
        <translation>Zuordnen und prüfen</translation>
    </message>
    <message>
        <source>Lines the catalogue does not know:</source>
        <translation>Positionen, die der Katalog nicht kennt:</translation>
    </message>
    <message>
        <source>Catalogue SKU:</source>
        <translation>Katalogartikel:</translation>
    </message>
    <message>
        <source>Apply to every held order with this code</source>
        <translation>Auf jede angehaltene Bestellung mit diesem Code anwenden</translation>
    </message>
    <message>
        <source>Apply to every held order with &apos;%1&apos;</source>
        <translation>Auf jede angehaltene Bestellung mit „%1“ anwenden</translation>
    </message>
    <message>
        <source>Choose the SKU the line is for.</source>
        <translation>Wählen Sie den Artikel für die Position.</translation>
    </message>
    <message>
        <source>Line %1 → %2 (%3)</source>
        <translation>Position %1 → %2 (%3)</translation>
    </message>
</context>
<context>
    <name>ordo::ui::OpenDatabaseDialog</name>
    <message>
        <source>Open database</source>
        <translation>Datenbank öffnen</translation>
    </message>
    <message>
        <source>/path/to/ordo.sqlite or postgresql://user@host:5432/ordo</source>
        <translation>/pfad/zu/ordo.sqlite oder postgresql://user@host:5432/ordo</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>A file opens a standalone database on this computer. A postgresql:// address connects to the central server shared by every console.</source>
        <translation>Eine Datei öffnet eine lokale Datenbank auf diesem Computer. Eine postgresql://-Adresse verbindet mit dem zentralen Server, den alle Konsolen gemeinsam nutzen.</translation>
    </message>
    <message>
        <source>Database file or server address:</source>
        <translation>Datenbankdatei oder Serveradresse:</translation>
    </message>
    <message>
        <source>Ordo databases (*.sqlite *.db);;All files (*)</source>
        <translation>Ordo-Datenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ordo::ui::OrderActions</name>
    <message>
        <source>Route now</source>
        <translation>Jetzt zuweisen</translation>
    </message>
    <message>
        <source>Hold…</source>
        <translation>Anhalten…</translation>
    </message>
    <message>
        <source>Release…</source>
        <translation>Freigeben…</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>Bestellung stornieren…</translation>
    </message>
    <message>
        <source>Route the order now, on today&apos;s stock and rules</source>
        <translation>Die Bestellung jetzt zuweisen, nach heutigem Bestand und heutigen Regeln</translation>
    </message>
    <message>
        <source>Your role may not route orders</source>
        <translation>Ihre Rolle darf keine Bestellungen zuweisen</translation>
    </message>
    <message>
        <source>Stop the order where it is and put it in the Exceptions queue</source>
        <translation>Die Bestellung anhalten und in die Ausnahmeliste stellen</translation>
    </message>
    <message>
        <source>Your role may not hold orders</source>
        <translation>Ihre Rolle darf keine Bestellungen anhalten</translation>
    </message>
    <message>
        <source>Send the held order back to where it was held</source>
        <translation>Die angehaltene Bestellung dorthin zurückschicken, wo sie angehalten wurde</translation>
    </message>
    <message>
        <source>Your role may not release held orders</source>
        <translation>Ihre Rolle darf angehaltene Bestellungen nicht freigeben</translation>
    </message>
    <message>
        <source>Cancel the order with a reason</source>
        <translation>Die Bestellung mit Grund stornieren</translation>
    </message>
    <message>
        <source>Your role may not cancel orders</source>
        <translation>Ihre Rolle darf keine Bestellungen stornieren</translation>
    </message>
    <message>
        <source>routed from the order detail</source>
        <translation>aus der Bestelldetailansicht zugewiesen</translation>
    </message>
    <message>
        <source>Routing…</source>
        <translation>Wird zugewiesen…</translation>
    </message>
    <message>
        <source>Holding…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>Releasing…</source>
        <translation>Wird freigegeben…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird storniert…</translation>
    </message>
    <message>
        <source>Order %1 updated.</source>
        <translation>Bestellung %1 aktualisiert.</translation>
    </message>
    <message>
        <source>Order %1 was not changed.</source>
        <translation>Bestellung %1 wurde nicht geändert.</translation>
    </message>
    <message>
        <source>Order %1 was not changed</source>
        <translation>Bestellung %1 wurde nicht geändert</translation>
    </message>
</context>
<context>
    <name>ordo::ui::OrderDetailPanel</name>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the order detail</source>
        <translation>Bestelldetails schließen</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Bestellt</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Lieferung</translation>
    </message>
    <message>
        <source>Requested for</source>
        <translation>Gewünscht für</translation>
    </message>
    <message>
        <source>Channel order id</source>
        <translation>Bestellnummer im Kanal</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Stückpreis</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Customer and ship-to</source>
        <translation>Kunde und Lieferadresse</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>Ship to:</source>
        <translation>Lieferadresse:</translation>
    </message>
    <message>
        <source>Coordinates:</source>
        <translation>Koordinaten:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Pickup at %1</source>
        <translation>Abholung in %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Held: %1</source>
        <translation>Angehalten: %1</translation>
    </message>
    <message>
        <source>not routed</source>
        <translation>nicht zugewiesen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>(neu)</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Zuweisung</translation>
    </message>
</context>
<context>
    <name>ordo::ui::OrderQueueModel</name>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Bestellt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Lieferung</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
</context>
<context>
    <name>ordo::ui::OrderWorker</name>
    <message>
        <source>No database is open.</source>
        <translation>Keine Datenbank geöffnet.</translation>
    </message>
    <message>
        <source>Order %1 no longer exists.</source>
        <translation>Bestellung %1 existiert nicht mehr.</translation>
    </message>
</context>
<context>
    <name>ordo::ui::OrdersView</name>
    <message>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Alle Kanäle</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>Alle Standorte</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Suche löschen</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Kanal:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Standort:</translation>
    </message>
    <message>
        <source>Placed from:</source>
        <translation>Bestellt von:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>bis:</translation>
    </message>
    <message>
        <source>Search: “%1”</source>
        <translation>Suche: „%1“</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <source>1 order</source>
        <translation>1 Bestellung</translation>
    </message>
    <message>
        <source>%1 orders</source>
        <translation>%1 Bestellungen</translation>
    </message>
    <message>
        <source>No order matches “%1”.</source>
        <translation>Keine Bestellung passt zu „%1“.</translation>
    </message>
</context>
<context>
    <name>ordo::ui::ReleaseOrderDialog</name>
    <message>
        <source>Release order %1</source>
        <translation>Bestellung %1 freigeben</translation>
    </message>
    <message>
        <source>What was checked or fixed</source>
        <translation>Was wurde geprüft oder korrigiert</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Held for: %1</source>
        <translation>Angehalten wegen: %1</translation>
    </message>
    <message>
        <source>The order goes back to where it was held and is validated again if it was held before validation.</source>
        <translation>Die Bestellung kehrt dorthin zurück, wo sie angehalten wurde, und wird erneut geprüft, falls sie vor der Prüfung angehalten wurde.</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
</context>
<context>
    <name>ordo::ui::RoutingActions</name>
    <message>
        <source>%1 on backorder: %2</source>
        <translation>%1 im Rückstand: %2</translation>
    </message>
</context>
<context>
    <name>ordo::ui::RoutingChangeModel</name>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Active rules</source>
        <translation>Aktive Regeln</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Cost change</source>
        <translation>Kostenänderung</translation>
    </message>
</context>
<context>
    <name>ordo::ui::RoutingPanel</name>
    <message>
        <source>This order has not been routed yet.</source>
        <translation>Diese Bestellung wurde noch nicht zugewiesen.</translation>
    </message>
    <message>
        <source>Chosen shipments</source>
        <translation>Gewählte Sendungen</translation>
    </message>
    <message>
        <source>Candidate locations</source>
        <translation>Kandidaten-Standorte</translation>
    </message>
    <message>
        <source>Click a location to see why it was or was not chosen. Criteria show value → weighted score; the lowest score wins.</source>
        <translation>Klicken Sie auf einen Standort, um zu sehen, warum er gewählt wurde oder nicht. Kriterien zeigen Wert → gewichtete Punktzahl; die niedrigste Punktzahl gewinnt.</translation>
    </message>
    <message>
        <source>Why this location</source>
        <translation>Warum dieser Standort</translation>
    </message>
    <message>
        <source>Strategies tried</source>
        <translation>Versuchte Strategien</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Runner-up</source>
        <translation>Zweitbester</translation>
    </message>
    <message>
        <source>Loading the routing decision…</source>
        <translation>Zuweisungsentscheidung wird geladen…</translation>
    </message>
    <message>
        <source>The routing decision could not be read: %1</source>
        <translation>Die Zuweisungsentscheidung konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>strategy “%1”</source>
        <translation>Strategie „%1“</translation>
    </message>
    <message>
        <source>rule set version %1</source>
        <translation>Regelwerk-Version %1</translation>
    </message>
    <message>
        <source>1 shipment</source>
        <translation>1 Sendung</translation>
    </message>
    <message>
        <source>%1 shipments</source>
        <translation>%1 Sendungen</translation>
    </message>
    <message>
        <source>total cost %1</source>
        <translation>Gesamtkosten %1</translation>
    </message>
    <message>
        <source>proven optimal</source>
        <translation>nachweislich optimal</translation>
    </message>
    <message>
        <source>decided %1</source>
        <translation>entschieden %1</translation>
    </message>
    <message>
        <source>Not assigned: %1</source>
        <translation>Nicht zugewiesen: %1</translation>
    </message>
    <message>
        <source>Click a location in the table.</source>
        <translation>Klicken Sie auf einen Standort in der Tabelle.</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <source>No other assignment was possible.</source>
        <translation>Keine andere Zuweisung war möglich.</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;Total cost %2, score %3 against %4.&lt;br&gt;&lt;b&gt;Lost by:&lt;/b&gt; %5</source>
        <translation>%1&lt;br&gt;Gesamtkosten %2, Punktzahl %3 gegenüber %4.&lt;br&gt;&lt;b&gt;Verloren durch:&lt;/b&gt; %5</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 was chosen&lt;/b&gt;: ships %2, %3 away, %4.</source>
        <translation>&lt;b&gt;%1 wurde gewählt&lt;/b&gt;: versendet %2, %3 entfernt, %4.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 was not chosen&lt;/b&gt;: %2</source>
        <translation>&lt;b&gt;%1 wurde nicht gewählt&lt;/b&gt;: %2</translation>
    </message>
    <message>
        <source>another assignment scored lower.</source>
        <translation>eine andere Zuweisung hatte eine niedrigere Punktzahl.</translation>
    </message>
    <message>
        <source>it failed a filter.</source>
        <translation>er hat einen Filter nicht bestanden.</translation>
    </message>
    <message>
        <source>Failed filters:</source>
        <translation>Nicht bestandene Filter:</translation>
    </message>
    <message>
        <source>It passed every filter.</source>
        <translation>Er hat jeden Filter bestanden.</translation>
    </message>
    <message>
        <source>Score %1 (lower wins).</source>
        <translation>Punktzahl %1 (niedriger gewinnt).</translation>
    </message>
    <message>
        <source>%1 was not a candidate.</source>
        <translation>%1 war kein Kandidat.</translation>
    </message>
    <message>
        <source>Show locations not considered</source>
        <translation>Nicht berücksichtigte Standorte anzeigen</translation>
    </message>
    <message>
        <source>Add a greyed row for every other location of the network, with why the router did not consider it</source>
        <translation>Für jeden weiteren Standort des Netzes eine graue Zeile anfügen, mit dem Grund, warum das Routing ihn nicht berücksichtigt hat</translation>
    </message>
    <message>
        <source>Show the %1 locations not considered</source>
        <translation>Die %1 nicht berücksichtigten Standorte anzeigen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 was not considered&lt;/b&gt;: %2.</source>
        <translation>&lt;b&gt;%1 wurde nicht berücksichtigt&lt;/b&gt;: %2.</translation>
    </message>
    <message>
        <source>proven optimal (integer programme, %1 ms)</source>
        <translation>nachweislich optimal (ganzzahliges Programm, %1 ms)</translation>
    </message>
    <message>
        <source>within %1% of the lower bound (integer programme, stopped after %2 ms)</source>
        <translation>höchstens %1 % über der unteren Schranke (ganzzahliges Programm, nach %2 ms beendet)</translation>
    </message>
    <message>
        <source>heuristic: best found by a bounded search</source>
        <translation>heuristisch: bestes Ergebnis einer begrenzten Suche</translation>
    </message>
</context>
<context>
    <name>ordo::ui::RoutingText</name>
    <message>
        <source>Total cost</source>
        <translation>Gesamtkosten</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Entfernung</translation>
    </message>
    <message>
        <source>Transit days</source>
        <translation>Transittage</translation>
    </message>
    <message>
        <source>Fewest shipments</source>
        <translation>Möglichst wenige Sendungen</translation>
    </message>
    <message>
        <source>Inventory balance</source>
        <translation>Bestandsausgleich</translation>
    </message>
    <message>
        <source>Location priority</source>
        <translation>Standortpriorität</translation>
    </message>
    <message>
        <source>currency units per shipment</source>
        <translation>Währungseinheiten je Sendung</translation>
    </message>
    <message>
        <source>100 km</source>
        <translation>100 km</translation>
    </message>
    <message>
        <source>days in transit</source>
        <translation>Tage im Transit</translation>
    </message>
    <message>
        <source>1 per shipment</source>
        <translation>1 je Sendung</translation>
    </message>
    <message>
        <source>days of cover left, negated</source>
        <translation>verbleibende Reichweite in Tagen, negiert</translation>
    </message>
    <message>
        <source>rank, 0 best</source>
        <translation>Rang, 0 am besten</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Max distance</source>
        <translation>Max. Entfernung</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>Ships</source>
        <translation>Versendet</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>Abholung</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>Ausgeschlossen</translation>
    </message>
    <message>
        <source>Min ATP</source>
        <translation>Min. zusagbar</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Routed</source>
        <translation>Zugewiesen</translation>
    </message>
    <message>
        <source>Partly routed</source>
        <translation>Teilweise zugewiesen</translation>
    </message>
    <message>
        <source>Backordered</source>
        <translation>Im Rückstand</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Unfillable</source>
        <translation>Nicht erfüllbar</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Try the next strategy</source>
        <translation>Nächste Strategie versuchen</translation>
    </message>
    <message>
        <source>Hold in the exceptions queue</source>
        <translation>In der Ausnahmeliste anhalten</translation>
    </message>
    <message>
        <source>Backorder</source>
        <translation>Rückstand</translation>
    </message>
    <message>
        <source>Cancel after a number of days</source>
        <translation>Nach einer Anzahl von Tagen stornieren</translation>
    </message>
    <message>
        <source>One location only</source>
        <translation>Nur ein Standort</translation>
    </message>
    <message>
        <source>Split into several shipments</source>
        <translation>In mehrere Sendungen aufteilen</translation>
    </message>
    <message>
        <source>Ship complete</source>
        <translation>Komplett versenden</translation>
    </message>
    <message>
        <source>Ship what is available, backorder the rest</source>
        <translation>Verfügbares versenden, Rest in den Rückstand</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
</context>
<context>
    <name>ordo::ui::RulesView</name>
    <message>
        <source>New draft (not saved)</source>
        <translation>Neuer Entwurf (nicht gespeichert)</translation>
    </message>
    <message>
        <source>Version %1 — %2</source>
        <translation>Version %1 — %2</translation>
    </message>
    <message>
        <source>The draft has no problems.</source>
        <translation>Der Entwurf hat keine Probleme.</translation>
    </message>
    <message>
        <source>Version %1 is the first version.</source>
        <translation>Version %1 ist die erste Version.</translation>
    </message>
    <message>
        <source>Loading rule sets…</source>
        <translation>Regelwerke werden geladen…</translation>
    </message>
    <message>
        <source>copied from the rule set shown before; save it to keep it</source>
        <translation>aus dem zuvor angezeigten Regelwerk kopiert; speichern, um ihn zu behalten</translation>
    </message>
    <message>
        <source>active since %1, by %2</source>
        <translation>aktiv seit %1, von %2</translation>
    </message>
    <message>
        <source>by %1, %2</source>
        <translation>von %1, %2</translation>
    </message>
    <message>
        <source>no rule set stored yet</source>
        <translation>noch kein Regelwerk gespeichert</translation>
    </message>
    <message>
        <source> — read-only: start a new draft to change it</source>
        <translation> — schreibgeschützt: Beginnen Sie einen neuen Entwurf, um es zu ändern</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Only administrators edit the routing rules</source>
        <translation>Nur Administratoren bearbeiten die Zuweisungsregeln</translation>
    </message>
    <message>
        <source>Routing rules</source>
        <translation>Zuweisungsregeln</translation>
    </message>
    <message>
        <source>New draft: edit it, then save or publish it.</source>
        <translation>Neuer Entwurf: bearbeiten, dann speichern oder veröffentlichen.</translation>
    </message>
    <message>
        <source>Strategy %1</source>
        <translation>Strategie %1</translation>
    </message>
    <message>
        <source>The draft has 1 problem.</source>
        <translation>Der Entwurf hat 1 Problem.</translation>
    </message>
    <message>
        <source>The draft has %1 problems.</source>
        <translation>Der Entwurf hat %1 Probleme.</translation>
    </message>
    <message>
        <source>Saving the draft…</source>
        <translation>Entwurf wird gespeichert…</translation>
    </message>
    <message>
        <source>Draft version %1 saved.</source>
        <translation>Entwurf Version %1 gespeichert.</translation>
    </message>
    <message>
        <source>Publish the draft</source>
        <translation>Entwurf veröffentlichen</translation>
    </message>
    <message>
        <source>The draft becomes the active rule set and the active one is archived. What changes, and why?</source>
        <translation>Der Entwurf wird zum aktiven Regelwerk, das bisher aktive wird archiviert. Was ändert sich, und warum?</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Wird veröffentlicht…</translation>
    </message>
    <message>
        <source>Version %1 is now the active rule set.</source>
        <translation>Version %1 ist jetzt das aktive Regelwerk.</translation>
    </message>
    <message>
        <source>Replaying the orders from %1 to %2…</source>
        <translation>Bestellungen von %1 bis %2 werden nachgespielt…</translation>
    </message>
    <message>
        <source>Simulating…</source>
        <translation>Wird simuliert…</translation>
    </message>
    <message>
        <source>The simulation did not finish: %1</source>
        <translation>Die Simulation wurde nicht abgeschlossen: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>%1 orders from %2 to %3; the draft routes %4 of them differently.</source>
        <translation>%1 Bestellungen von %2 bis %3; der Entwurf weist %4 davon anders zu.</translation>
    </message>
    <message>
        <source>Simulation finished.</source>
        <translation>Simulation abgeschlossen.</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Wird verglichen…</translation>
    </message>
    <message>
        <source>%1: added</source>
        <translation>%1: hinzugefügt</translation>
    </message>
    <message>
        <source>%1: removed</source>
        <translation>%1: entfernt</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>No differences between version %1 and version %2.</source>
        <translation>Keine Unterschiede zwischen Version %1 und Version %2.</translation>
    </message>
    <message>
        <source>From version %1 to version %2:
</source>
        <translation>Von Version %1 zu Version %2:
</translation>
    </message>
    <message>
        <source>Rule set:</source>
        <translation>Regelwerk:</translation>
    </message>
    <message>
        <source>New draft</source>
        <translation>Neuer Entwurf</translation>
    </message>
    <message>
        <source>Start a draft from the rule set shown</source>
        <translation>Entwurf aus dem angezeigten Regelwerk beginnen</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Check the draft for mistakes</source>
        <translation>Entwurf auf Fehler prüfen</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Entwurf speichern</translation>
    </message>
    <message>
        <source>Simulate on the last 30 days</source>
        <translation>Letzte 30 Tage simulieren</translation>
    </message>
    <message>
        <source>Replay the orders of the last 30 days under this draft, the active rules and the greedy baseline; nothing is reserved</source>
        <translation>Die Bestellungen der letzten 30 Tage mit diesem Entwurf, den aktiven Regeln und der Greedy-Referenz nachspielen; es wird nichts reserviert</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>Veröffentlichen…</translation>
    </message>
    <message>
        <source>Make this draft the active rule set</source>
        <translation>Diesen Entwurf zum aktiven Regelwerk machen</translation>
    </message>
    <message>
        <source>Strategies</source>
        <translation>Strategien</translation>
    </message>
    <message>
        <source>Cost model</source>
        <translation>Kostenmodell</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Tried in this order</source>
        <translation>In dieser Reihenfolge versucht</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Try this strategy earlier</source>
        <translation>Diese Strategie früher versuchen</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Try this strategy later</source>
        <translation>Diese Strategie später versuchen</translation>
    </message>
    <message>
        <source>Shipment cost = base fee of the shipping location&apos;s type + rate per km × the great-circle distance from the location to the ship-to address. A pickup handed over where the stock is costs nothing.</source>
        <translation>Sendungskosten = Grundgebühr des Typs des Versandstandorts + Satz je km × Großkreisentfernung vom Standort zur Lieferadresse. Eine Abholung, die dort übergeben wird, wo der Bestand liegt, kostet nichts.</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Währung:</translation>
    </message>
    <message>
        <source>Distribution centre</source>
        <translation>Verteilzentrum</translation>
    </message>
    <message>
        <source>Base fee per shipment</source>
        <translation>Grundgebühr je Sendung</translation>
    </message>
    <message>
        <source>Run “Simulate on the last 30 days” to compare this draft with the active rules and the greedy baseline.</source>
        <translation>Führen Sie „Letzte 30 Tage simulieren“ aus, um diesen Entwurf mit den aktiven Regeln und der Greedy-Referenz zu vergleichen.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Orders the draft routes differently</source>
        <translation>Bestellungen, die der Entwurf anders zuweist</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Changes from the version before</source>
        <translation>Änderungen gegenüber der vorherigen Version</translation>
    </message>
    <message>
        <source>Select a version to see what changed.</source>
        <translation>Wählen Sie eine Version, um die Änderungen zu sehen.</translation>
    </message>
</context>
<context>
    <name>ordo::ui::ShipmentModel</name>
    <message>
        <source>Ships from</source>
        <translation>Versand ab</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Entfernung</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
</context>
<context>
    <name>ordo::ui::SimulationChart</name>
    <message>
        <source>Per order, against the active rules (= 100; lower is better)</source>
        <translation>Je Bestellung, im Vergleich zu den aktiven Regeln (= 100; niedriger ist besser)</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Greedy</source>
        <translation>Greedy</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>Sendungen</translation>
    </message>
    <message>
        <source>Splits</source>
        <translation>Teilungen</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Entfernung</translation>
    </message>
</context>
<context>
    <name>ordo::ui::SimulationModel</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Active (version %1)</source>
        <translation>Aktiv (Version %1)</translation>
    </message>
    <message>
        <source>Greedy baseline</source>
        <translation>Greedy-Referenz</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>Gesamtkosten</translation>
    </message>
    <message>
        <source>Cost/order</source>
        <translation>Kosten/Bestellung</translation>
    </message>
    <message>
        <source>Shipments/order</source>
        <translation>Sendungen/Bestellung</translation>
    </message>
    <message>
        <source>Split rate</source>
        <translation>Teilungsquote</translation>
    </message>
    <message>
        <source>Unfillable</source>
        <translation>Nicht erfüllbar</translation>
    </message>
    <message>
        <source>Mean distance</source>
        <translation>Mittlere Entfernung</translation>
    </message>
</context>
<context>
    <name>ordo::ui::SkuMatchModel</name>
    <message>
        <source>SKU</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>ordo::ui::StockFormat</name>
    <message>
        <source>Distribution centre</source>
        <translation>Verteilzentrum</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Filiale</translation>
    </message>
    <message>
        <source>3PL warehouse</source>
        <translation>Logistikdienstleister</translation>
    </message>
    <message>
        <source>Drop-ship vendor</source>
        <translation>Streckenlieferant</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Zählung</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reserviert</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Versandt</translation>
    </message>
    <message>
        <source>on hand %1 − reserved %2 − safety %3 − buffer %4</source>
        <translation>Bestand %1 − reserviert %2 − Sicherheit %3 − Puffer %4</translation>
    </message>
    <message>
        <source>%1 + future %2 = %3</source>
        <translation>%1 + Zugang %2 = %3</translation>
    </message>
    <message>
        <source>Out of stock: nothing is available to promise here.</source>
        <translation>Ausverkauft: hier ist nichts zusagbar.</translation>
    </message>
    <message>
        <source>Low stock: %1 available to promise, no more than the safety stock of %2.</source>
        <translation>Knapper Bestand: %1 zusagbar, nicht mehr als der Sicherheitsbestand von %2.</translation>
    </message>
</context>
<context>
    <name>ordo::ui::StockPositionModel</name>
    <message>
        <source>Available to promise with no channel: on hand − reserved − safety stock, never below zero</source>
        <translation>Zusagbar ohne Kanal: Bestand − reserviert − Sicherheitsbestand, nie unter null</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reserviert</translation>
    </message>
    <message>
        <source>Safety stock</source>
        <translation>Sicherheitsbestand</translation>
    </message>
    <message>
        <source>ATP</source>
        <translation>Verfügbar</translation>
    </message>
</context>
<context>
    <name>ordo::ui::StrategyEditor</name>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Strategy name:</source>
        <translation>Name der Strategie:</translation>
    </message>
    <message>
        <source>When it applies</source>
        <translation>Wann sie gilt</translation>
    </message>
    <message>
        <source>Which locations</source>
        <translation>Welche Standorte</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>Rangfolge</translation>
    </message>
    <message>
        <source>Split and fallback</source>
        <translation>Aufteilung und Ausweichverhalten</translation>
    </message>
    <message>
        <source>Every condition that is set must hold for the strategy to apply; an empty field accepts any order.</source>
        <translation>Jede gesetzte Bedingung muss erfüllt sein, damit die Strategie gilt; ein leeres Feld akzeptiert jede Bestellung.</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>Kanäle:</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>Delivery:</source>
        <translation>Lieferung:</translation>
    </message>
    <message>
        <source>Priority at least:</source>
        <translation>Mindestpriorität:</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Order value:</source>
        <translation>Bestellwert:</translation>
    </message>
    <message>
        <source>any country; e.g. US, CA</source>
        <translation>jedes Land; z. B. US, CA</translation>
    </message>
    <message>
        <source>any region; e.g. NY, NJ, CT</source>
        <translation>jede Region; z. B. NY, NJ, CT</translation>
    </message>
    <message>
        <source>any SKU; e.g. bulky, hazmat</source>
        <translation>jeder Artikel; z. B. bulky, hazmat</translation>
    </message>
    <message>
        <source>Ship-to countries:</source>
        <translation>Länder der Lieferadresse:</translation>
    </message>
    <message>
        <source>Ship-to regions:</source>
        <translation>Regionen der Lieferadresse:</translation>
    </message>
    <message>
        <source>SKU tags:</source>
        <translation>Artikel-Tags:</translation>
    </message>
    <message>
        <source>Location types:</source>
        <translation>Standorttypen:</translation>
    </message>
    <message>
        <source>None ticked: every type.</source>
        <translation>Keiner angehakt: jeder Typ.</translation>
    </message>
    <message>
        <source>any group; e.g. EAST, WEST</source>
        <translation>jede Gruppe; z. B. EAST, WEST</translation>
    </message>
    <message>
        <source>Location groups:</source>
        <translation>Standortgruppen:</translation>
    </message>
    <message>
        <source> km</source>
        <translation> km</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Begrenzung</translation>
    </message>
    <message>
        <source>Maximum distance:</source>
        <translation>Maximale Entfernung:</translation>
    </message>
    <message>
        <source>Capacity left today (locations with a daily limit)</source>
        <translation>Heute verbleibende Kapazität (Standorte mit Tageslimit)</translation>
    </message>
    <message>
        <source>Ship orders: the location ships parcels</source>
        <translation>Versandbestellungen: Der Standort versendet Pakete</translation>
    </message>
    <message>
        <source>Pickup orders: the location hands over pickups</source>
        <translation>Abholbestellungen: Der Standort übergibt Abholungen</translation>
    </message>
    <message>
        <source>Require:</source>
        <translation>Erforderlich:</translation>
    </message>
    <message>
        <source>location codes never used; e.g. ST-0042</source>
        <translation>nie verwendete Standortcodes; z. B. ST-0042</translation>
    </message>
    <message>
        <source>Excluded locations:</source>
        <translation>Ausgeschlossene Standorte:</translation>
    </message>
    <message>
        <source> units</source>
        <translation> Einheiten</translation>
    </message>
    <message>
        <source>ATP left after the line, at least:</source>
        <translation>Nach der Position verbleibend zusagbar, mindestens:</translation>
    </message>
    <message>
        <source>Tick the criteria the router minimises and give each a weight. A shipment&apos;s score is the sum of weight × value; the assignment with the lowest total wins.</source>
        <translation>Haken Sie die Kriterien an, die die Zuweisungslogik minimiert, und geben Sie jedem ein Gewicht. Die Punktzahl einer Sendung ist die Summe aus Gewicht × Wert; die Zuweisung mit der niedrigsten Summe gewinnt.</translation>
    </message>
    <message>
        <source>Inventory balance</source>
        <translation>Bestandsausgleich</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>Aufteilung:</translation>
    </message>
    <message>
        <source>as many as lines</source>
        <translation>so viele wie Positionen</translation>
    </message>
    <message>
        <source>At most shipments:</source>
        <translation>Max. Sendungen:</translation>
    </message>
    <message>
        <source>When stock is short:</source>
        <translation>Bei knappem Bestand:</translation>
    </message>
    <message>
        <source>Pickup orders may go to the nearest pickup location with stock</source>
        <translation>Abholbestellungen dürfen an den nächsten Abholstandort mit Bestand gehen</translation>
    </message>
    <message>
        <source>When it cannot route:</source>
        <translation>Wenn nicht zugewiesen werden kann:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Cancel after:</source>
        <translation>Stornieren nach:</translation>
    </message>
</context>
</TS>
