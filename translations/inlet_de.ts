<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>inlet::app</name>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="33"/>
        <source>Queued</source>
        <translation>In der Warteschlange</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="34"/>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="35"/>
        <source>Seen</source>
        <translation>Gesehen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="35"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="36"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="45"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="47"/>
        <source>Voice message</source>
        <translation>Sprachnachricht</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="49"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="51"/>
        <source>Mentioned you in their story</source>
        <translation>Hat dich in der Story erwähnt</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="53"/>
        <source>Shared post</source>
        <translation>Geteilter Beitrag</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="54"/>
        <source>Attachment</source>
        <translation>Anhang</translation>
    </message>
</context>
<context>
    <name>inlet::app::AccountRow</name>
    <message>
        <location filename="../ui/accountrow.ui" line="128"/>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <location filename="../ui/accountrow.ui" line="85"/>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <location filename="../ui/accountrow.ui" line="82"/>
        <source>Remove this account from Inlet</source>
        <translation>Dieses Konto aus Inlet entfernen</translation>
    </message>
    <message>
        <location filename="../ui/accountrow.ui" line="118"/>
        <source>Needs sign-in: Instagram no longer accepts this account&apos;s access. Messages are kept; sending waits.</source>
        <translation>Anmeldung nötig: Instagram akzeptiert den Zugang dieses Kontos nicht mehr. Nachrichten bleiben erhalten; das Senden wartet.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/accountspanel.cpp" line="61"/>
        <source>Account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message>
        <location filename="../src/app/shell/accountspanel.cpp" line="71"/>
        <source>Webhooks: checking the subscription…</source>
        <translation>Webhooks: Abonnement wird geprüft…</translation>
    </message>
    <message>
        <location filename="../src/app/shell/accountspanel.cpp" line="74"/>
        <source>Live (no event yet)</source>
        <translation>Live (noch kein Ereignis)</translation>
    </message>
    <message>
        <location filename="../src/app/shell/accountspanel.cpp" line="78"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/shell/accountspanel.cpp" line="80"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/shell/accountspanel.cpp" line="82"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/shell/accountspanel.cpp" line="84"/>
        <source>%n days ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/shell/accountspanel.cpp" line="85"/>
        <source>Live (last event %1)</source>
        <translation>Live (letztes Ereignis %1)</translation>
    </message>
    <message>
        <location filename="../src/app/shell/accountspanel.cpp" line="88"/>
        <source>Subscription off: re-subscribing</source>
        <translation>Abonnement aus: wird neu abonniert</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/shell/accountspanel.cpp" line="90"/>
        <source>No public URL: polling every %n s</source>
        <translation>
            <numerusform>Keine öffentliche URL: Abruf alle %n s</numerusform>
            <numerusform>Keine öffentliche URL: Abruf alle %n s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/shell/accountspanel.cpp" line="93"/>
        <source>Webhook subscription failed: %1</source>
        <translation>Webhook-Abonnement fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>inlet::app::AccountsPanel</name>
    <message>
        <location filename="../ui/accountspanel.ui" line="21"/>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <location filename="../ui/accountspanel.ui" line="76"/>
        <source>Connect another account…</source>
        <translation>Weiteres Konto verbinden…</translation>
    </message>
</context>
<context>
    <name>inlet::app::AccountsRail</name>
    <message>
        <location filename="../ui/accountsrail.ui" line="19"/>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <location filename="../ui/accountsrail.ui" line="69"/>
        <source>Connect another account…</source>
        <translation>Weiteres Konto verbinden…</translation>
    </message>
    <message>
        <location filename="../ui/accountsrail.ui" line="72"/>
        <source>Connect another account</source>
        <translation>Weiteres Konto verbinden</translation>
    </message>
</context>
<context>
    <name>inlet::app::AttachmentChip</name>
    <message>
        <location filename="../src/app/inbox/attachmentchip.cpp" line="34"/>
        <source>Attachment</source>
        <translation>Anhang</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/attachmentchip.cpp" line="44"/>
        <location filename="../src/app/inbox/attachmentchip.cpp" line="45"/>
        <source>Remove attachment</source>
        <translation>Anhang entfernen</translation>
    </message>
</context>
<context>
    <name>inlet::app::Composer</name>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="147"/>
        <source>Send as a human agent reply (HUMAN_AGENT)</source>
        <translation>Als Antwort eines Mitarbeiters senden (HUMAN_AGENT)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="148"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="160"/>
        <source>Instagram allows replies written by a person up to 7 days after the customer&apos;s last message, with the human agent tag.</source>
        <translation>Instagram erlaubt von einem Menschen geschriebene Antworten bis zu 7 Tage nach der letzten Nachricht der Kundin oder des Kunden, mit dem Human-Agent-Tag.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="162"/>
        <source>Send reply</source>
        <translation>Antwort senden</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="163"/>
        <source>Bytes used</source>
        <translation>Verwendete Bytes</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="165"/>
        <source>Cancel reply</source>
        <translation>Antwort abbrechen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="173"/>
        <source>Attach…</source>
        <translation>Anhängen…</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="177"/>
        <location filename="../src/app/inbox/composer.cpp" line="248"/>
        <source>Attach a file</source>
        <translation>Datei anhängen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="179"/>
        <source>Open Settings…</source>
        <translation>Einstellungen öffnen…</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="181"/>
        <source>Open Settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="249"/>
        <source>Images, videos, audio and PDF (*.png *.jpg *.jpeg *.gif *.mp4 *.mov *.avi *.ogg *.webm *.aac *.m4a *.wav *.pdf);;All files (*)</source>
        <translation>Bilder, Videos, Audio und PDF (*.png *.jpg *.jpeg *.gif *.mp4 *.mov *.avi *.ogg *.webm *.aac *.m4a *.wav *.pdf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="265"/>
        <source>%1 is not attached: %2</source>
        <translation>%1 wurde nicht angehängt: %2</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="287"/>
        <source>The pasted image could not be saved.</source>
        <translation>Das eingefügte Bild konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="348"/>
        <source>Replying to: %1</source>
        <translation>Antwort auf: %1</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="377"/>
        <source>%1 / %2 bytes</source>
        <translation>%1 / %2 Bytes</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="379"/>
        <source>Instagram limits a message to 1000 bytes of UTF-8: emoji and accented letters take more than one byte.</source>
        <translation>Instagram begrenzt eine Nachricht auf 1000 Bytes UTF-8: Emojis und Buchstaben mit Akzent belegen mehr als ein Byte.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="390"/>
        <source>More than 24 hours since the customer&apos;s last message: only a reply written by you, sent with the human agent tag, is allowed (up to 7 days).</source>
        <translation>Mehr als 24 Stunden seit der letzten Nachricht der Kundin oder des Kunden: Erlaubt ist nur eine von dir geschriebene Antwort mit dem Human-Agent-Tag (bis zu 7 Tage).</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="393"/>
        <source>More than 7 days since the customer&apos;s last message: Instagram does not allow a reply until they write again.</source>
        <translation>Mehr als 7 Tage seit der letzten Nachricht der Kundin oder des Kunden: Instagram erlaubt keine Antwort, bis sie oder er wieder schreibt.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="396"/>
        <source>Too long for Instagram: shorten it by %1 bytes.</source>
        <translation>Zu lang für Instagram: um %1 Bytes kürzen.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="398"/>
        <source>Offline: your message will be sent when the connection is back.</source>
        <translation>Offline: Deine Nachricht wird gesendet, sobald die Verbindung wieder da ist.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="404"/>
        <source>Attach an image, video, audio or PDF (or drop a file here, or paste an image)</source>
        <translation>Bild, Video, Audio oder PDF anhängen (oder eine Datei hierher ziehen oder ein Bild einfügen)</translation>
    </message>
</context>
<context>
    <name>inlet::app::ComposerEdit</name>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="50"/>
        <source>Write a reply… (Enter sends, Shift+Enter for a new line, / for saved replies)</source>
        <translation>Antwort schreiben… (Eingabe sendet, Umschalt+Eingabe für eine neue Zeile, / für gespeicherte Antworten)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="51"/>
        <source>Reply text</source>
        <translation>Antworttext</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="56"/>
        <source>Saved replies</source>
        <translation>Gespeicherte Antworten</translation>
    </message>
</context>
<context>
    <name>inlet::app::ConnectivityIndicator</name>
    <message>
        <location filename="../src/app/shell/connectivityindicator.cpp" line="17"/>
        <source>Connection status</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <location filename="../src/app/shell/connectivityindicator.cpp" line="20"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../src/app/shell/connectivityindicator.cpp" line="24"/>
        <location filename="../src/app/shell/connectivityindicator.cpp" line="25"/>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <location filename="../src/app/shell/connectivityindicator.cpp" line="26"/>
        <source>Try to reach it again now and sync the conversations</source>
        <translation>Jetzt erneut verbinden und die Unterhaltungen synchronisieren</translation>
    </message>
    <message>
        <location filename="../src/app/shell/connectivityindicator.cpp" line="58"/>
        <source>Offline: can&apos;t reach the sandbox</source>
        <translation>Offline: Die Sandbox ist nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../src/app/shell/connectivityindicator.cpp" line="58"/>
        <source>Offline: can&apos;t reach Instagram</source>
        <translation>Offline: Instagram ist nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../src/app/shell/connectivityindicator.cpp" line="60"/>
        <source>%1 (retrying…)</source>
        <translation>%1 (neuer Versuch läuft …)</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/shell/connectivityindicator.cpp" line="61"/>
        <source>%1 (retrying in %n s)</source>
        <translation>
            <numerusform>%1 (neuer Versuch in %n s)</numerusform>
            <numerusform>%1 (neuer Versuch in %n s)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/shell/connectivityindicator.cpp" line="77"/>
        <source>No answer from %1: %2</source>
        <translation>Keine Antwort von %1: %2</translation>
    </message>
</context>
<context>
    <name>inlet::app::ContactName</name>
    <message>
        <location filename="../src/app/inbox/contactnametext.cpp" line="13"/>
        <source>Instagram user ·%1</source>
        <extracomment>A customer whose profile Instagram does not show: the last digits of their Instagram id.</extracomment>
        <translation>Instagram-Nutzer ·%1</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/contactnametext.cpp" line="14"/>
        <source>Instagram user</source>
        <translation>Instagram-Nutzer</translation>
    </message>
</context>
<context>
    <name>inlet::app::ContactPanel</name>
    <message>
        <location filename="../ui/contactpanel.ui" line="7"/>
        <source>Contact details</source>
        <translation>Kontaktdetails</translation>
    </message>
    <message>
        <source>Unknown customer</source>
        <translation type="vanished">Unbekannte Kundin / unbekannter Kunde</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/inbox/contactpanel.cpp" line="42"/>
        <source>%n follower(s)</source>
        <translation>
            <numerusform>%n Follower</numerusform>
            <numerusform>%n Follower</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/inbox/contactpanel.cpp" line="44"/>
        <source>Follows your account</source>
        <translation>Folgt deinem Konto</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/contactpanel.cpp" line="44"/>
        <source>Does not follow your account</source>
        <translation>Folgt deinem Konto nicht</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/contactpanel.cpp" line="46"/>
        <source>Conversation started %1</source>
        <translation>Unterhaltung begonnen %1</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/contactpanel.cpp" line="51"/>
        <source>Account: %1</source>
        <translation>Konto: %1</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/contactavatar.cpp" line="38"/>
        <source>Picture of %1</source>
        <translation>Bild von %1</translation>
    </message>
</context>
<context>
    <name>inlet::app::ConversationDelegate</name>
    <message>
        <location filename="../src/app/inbox/conversationdelegate.cpp" line="53"/>
        <source>Window open</source>
        <translation>Fenster offen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/conversationdelegate.cpp" line="54"/>
        <source>Window closing soon</source>
        <translation>Fenster schließt bald</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/conversationdelegate.cpp" line="55"/>
        <source>Human agent replies only</source>
        <translation>Nur Antworten von Mitarbeitern</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/conversationdelegate.cpp" line="56"/>
        <source>Window closed</source>
        <translation>Fenster geschlossen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/conversationdelegate.cpp" line="64"/>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/conversationdelegate.cpp" line="68"/>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 Std.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/conversationdelegate.cpp" line="135"/>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
</context>
<context>
    <name>inlet::app::CoreBridge</name>
    <message>
        <location filename="../src/app/shell/corebridge.cpp" line="41"/>
        <source>Receiving webhooks at %1</source>
        <translation>Webhooks werden empfangen unter %1</translation>
    </message>
    <message>
        <location filename="../src/app/shell/corebridge.cpp" line="44"/>
        <source>Syncing conversations: %1 of %2</source>
        <translation>Unterhaltungen werden synchronisiert: %1 von %2</translation>
    </message>
    <message>
        <location filename="../src/app/shell/corebridge.cpp" line="31"/>
        <source>The sandbox answers again.</source>
        <translation>Die Sandbox antwortet wieder.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/corebridge.cpp" line="32"/>
        <source>Instagram answers again.</source>
        <translation>Instagram antwortet wieder.</translation>
    </message>
</context>
<context>
    <name>inlet::app::FailureText</name>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="18"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="33"/>
        <source>an image</source>
        <translation>ein Bild</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="35"/>
        <source>a video</source>
        <translation>ein Video</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="37"/>
        <source>an audio file</source>
        <translation>eine Audiodatei</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="38"/>
        <source>a PDF</source>
        <translation>ein PDF</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="58"/>
        <source>Instagram takes images up to %1; this one is %2.</source>
        <translation>Instagram nimmt Bilder bis %1; dieses hat %2.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="60"/>
        <source>Instagram takes videos up to %1; this one is %2.</source>
        <translation>Instagram nimmt Videos bis %1; dieses hat %2.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="62"/>
        <source>Instagram takes audio files up to %1; this one is %2.</source>
        <translation>Instagram nimmt Audiodateien bis %1; diese hat %2.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="64"/>
        <source>Instagram takes PDF files up to %1; this one is %2.</source>
        <translation>Instagram nimmt PDF-Dateien bis %1; diese hat %2.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="73"/>
        <source>The file %1 no longer exists.</source>
        <translation>Die Datei %1 existiert nicht mehr.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="75"/>
        <source>The file %1 cannot be read.</source>
        <translation>Die Datei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="77"/>
        <source>The file %1 is empty.</source>
        <translation>Die Datei %1 ist leer.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="79"/>
        <source>Instagram takes images (PNG, JPEG, GIF), videos (MP4, OGG, AVI, MOV, WEBM), audio (AAC, M4A, WAV) and PDF files; %1 is %2.</source>
        <translation>Instagram nimmt Bilder (PNG, JPEG, GIF), Videos (MP4, OGG, AVI, MOV, WEBM), Audio (AAC, M4A, WAV) und PDF-Dateien; %1 ist vom Typ „%2“.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="83"/>
        <source>%1 is named like %2 (%3) but its content is not %4.</source>
        <translation>%1 ist wie %2 benannt (%3), aber der Inhalt ist nicht vom Typ „%4“.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="86"/>
        <source>%1 is named like %2 (%3) but contains %4 (%5). Rename it or pick another file.</source>
        <translation>%1 ist wie %2 benannt (%3), enthält aber %4 (%5). Benenne die Datei um oder wähle eine andere.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="93"/>
        <source>Attachments from a file need a media host: Instagram only takes media by public URL. Set one up in Settings.</source>
        <translation>Anhänge aus einer Datei brauchen einen Medien-Host: Instagram nimmt Medien nur über eine öffentliche URL. Richte einen in den Einstellungen ein.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="96"/>
        <source>The file %1 cannot be attached.</source>
        <translation>Die Datei %1 kann nicht angehängt werden.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="105"/>
        <source>Outside the messaging window: the customer&apos;s last message is more than 24 hours old (7 days with the human agent tag). Retry after they write again.</source>
        <translation>Außerhalb des Nachrichtenfensters: Die letzte Nachricht der Kundin oder des Kunden ist älter als 24 Stunden (7 Tage mit dem Human-Agent-Tag). Versuche es erneut, sobald wieder eine Nachricht kommt.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="110"/>
        <source>This person isn&apos;t available right now (blocked the account, deactivated, or not receiving messages).</source>
        <translation>Diese Person ist gerade nicht erreichbar (hat das Konto blockiert, ist deaktiviert oder empfängt keine Nachrichten).</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="115"/>
        <source>Instagram no longer accepts this account&apos;s sign-in. Reconnect the account, then retry.</source>
        <translation>Instagram akzeptiert die Anmeldung dieses Kontos nicht mehr. Verbinde das Konto neu und versuche es dann erneut.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="120"/>
        <source>Instagram is rate limiting this account.</source>
        <translation>Instagram drosselt dieses Konto gerade.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="124"/>
        <source>Instagram could not be reached.</source>
        <translation>Instagram war nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="125"/>
        <source>The media host could not be reached.</source>
        <translation>Der Medien-Host war nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="130"/>
        <source>The account&apos;s token could not be read from the keyring.</source>
        <translation>Das Token des Kontos konnte nicht aus dem Schlüsselbund gelesen werden.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="133"/>
        <source>Instagram refused the message.</source>
        <translation>Instagram hat die Nachricht abgelehnt.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="136"/>
        <source>The media host could not take the attachment.</source>
        <translation>Der Medien-Host konnte den Anhang nicht annehmen.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="139"/>
        <source>The attachment could not be sent.</source>
        <translation>Der Anhang konnte nicht gesendet werden.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="142"/>
        <source>Not sent.</source>
        <translation>Nicht gesendet.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="146"/>
        <source>Not sent after %1 attempts. %2</source>
        <translation>Nach %1 Versuchen nicht gesendet. %2</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="160"/>
        <source>Not saved: the message could not be written to disk.</source>
        <translation>Nicht gespeichert: Die Nachricht konnte nicht auf die Festplatte geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="162"/>
        <source>Instagram would refuse this message.</source>
        <translation>Instagram würde diese Nachricht ablehnen.</translation>
    </message>
</context>
<context>
    <name>inlet::app::ImageCanvas</name>
    <message>
        <location filename="../src/app/inbox/imageviewer.cpp" line="41"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
</context>
<context>
    <name>inlet::app::ImageViewer</name>
    <message>
        <location filename="../src/app/inbox/imageviewer.cpp" line="95"/>
        <source>Open in browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/imageviewer.cpp" line="96"/>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/imageviewer.cpp" line="98"/>
        <location filename="../src/app/inbox/imageviewer.cpp" line="103"/>
        <location filename="../src/app/inbox/imageviewer.cpp" line="166"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/imageviewer.cpp" line="105"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/imageviewer.cpp" line="109"/>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/imageviewer.cpp" line="110"/>
        <source>Show the image at its real size</source>
        <translation>Das Bild in Originalgröße zeigen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/imageviewer.cpp" line="111"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/imageviewer.cpp" line="112"/>
        <source>Fit the image to the window (Ctrl+wheel, + and - zoom)</source>
        <translation>Das Bild ins Fenster einpassen (Strg+Mausrad, + und - zoomen)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/imageviewer.cpp" line="113"/>
        <source>Open the image&apos;s address in the system browser</source>
        <translation>Die Adresse des Bildes im Browser des Systems öffnen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/imageviewer.cpp" line="114"/>
        <source>Save a copy of the image</source>
        <translation>Eine Kopie des Bildes speichern</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/imageviewer.cpp" line="115"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/imageviewer.cpp" line="166"/>
        <source>Image: %1</source>
        <translation>Bild: %1</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/imageviewer.cpp" line="177"/>
        <source>The image could not be loaded.</source>
        <translation>Das Bild konnte nicht geladen werden.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/imageviewer.cpp" line="177"/>
        <source>Loading image…</source>
        <translation>Bild wird geladen…</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/imageviewer.cpp" line="198"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/imageviewer.cpp" line="266"/>
        <source>Save image</source>
        <translation>Bild speichern</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/imageviewer.cpp" line="267"/>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/imageviewer.cpp" line="272"/>
        <source>The image could not be saved to %1.</source>
        <translation>Das Bild konnte nicht unter %1 gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>inlet::app::InboxWidget</name>
    <message numerus="yes">
        <location filename="../src/app/inbox/inboxwidget.cpp" line="54"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="57"/>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/inbox/inboxwidget.cpp" line="58"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="173"/>
        <source>Search messages and contacts (Ctrl+F)</source>
        <translation>Nachrichten und Kontakte durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="175"/>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="177"/>
        <source>Account filter</source>
        <translation>Kontofilter</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="178"/>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="368"/>
        <source>All accounts</source>
        <translation>Alle Konten</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="179"/>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <source>Needs reply</source>
        <translation type="vanished">Antwort nötig</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="186"/>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="206"/>
        <source>Messaging window</source>
        <translation>Nachrichtenfenster</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="212"/>
        <source>Older messages may be missing: Instagram returns only the 20 newest, and more arrived while webhooks were not delivered.</source>
        <translation>Ältere Nachrichten fehlen eventuell: Instagram liefert nur die 20 neuesten, und es kamen mehr an, während keine Webhooks zugestellt wurden.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="219"/>
        <source>Choose a conversation on the left.</source>
        <translation>Wähle links eine Unterhaltung.</translation>
    </message>
    <message>
        <source>Jump to a conversation</source>
        <translation type="vanished">Zu einer Unterhaltung springen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="343"/>
        <source>Search messages and contacts</source>
        <translation>Nachrichten und Kontakte durchsuchen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="344"/>
        <source>Previous conversation</source>
        <translation>Vorherige Unterhaltung</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="345"/>
        <source>Next conversation</source>
        <translation>Nächste Unterhaltung</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="346"/>
        <source>Next unread conversation</source>
        <translation>Nächste ungelesene Unterhaltung</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="347"/>
        <source>Show or hide the contact panel</source>
        <translation>Kontaktbereich ein- oder ausblenden</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="349"/>
        <source>Cancel the reply, clear the search, close the contact panel</source>
        <translation>Antwort abbrechen, Suche leeren, Kontaktbereich schließen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="350"/>
        <source>Send the reply</source>
        <translation>Antwort senden</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="351"/>
        <source>New line in the reply</source>
        <translation>Neue Zeile in der Antwort</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="352"/>
        <source>Saved replies (at the start of the reply)</source>
        <translation>Gespeicherte Antworten (am Anfang der Antwort)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="354"/>
        <source>Done: out of the inbox until the customer writes again (again: reopen)</source>
        <translation>Erledigt: aus dem Posteingang, bis der Kunde wieder schreibt (nochmals: wieder öffnen)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="356"/>
        <source>Snooze the conversation: in 1 hour, this evening, tomorrow, next week, or a chosen time</source>
        <translation>Unterhaltung zurückstellen: 1 Stunde, heute Abend, morgen, nächste Woche oder ein gewählter Zeitpunkt</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="359"/>
        <source>Mark the conversation as unread</source>
        <translation>Unterhaltung als ungelesen markieren</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="573"/>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="590"/>
        <source>%1 left to reply</source>
        <translation>Noch %1 zum Antworten</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="594"/>
        <source>Only %1 left to reply</source>
        <translation>Nur noch %1 zum Antworten</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="598"/>
        <source>Human agent replies only, %1 left</source>
        <translation>Nur Antworten von Mitarbeitern, noch %1</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="602"/>
        <source>Messaging window closed</source>
        <translation>Nachrichtenfenster geschlossen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="611"/>
        <source>Sending is not available: the outbox is not running.</source>
        <translation>Senden ist nicht möglich: der Postausgang läuft nicht.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="653"/>
        <source>Attachments need a media host: Instagram only takes pictures and videos from a public HTTPS address. Set one up in Settings, under Media host.</source>
        <translation>Anhänge brauchen einen Medien-Host: Instagram nimmt Bilder und Videos nur von einer öffentlichen HTTPS-Adresse. Richte ihn in den Einstellungen unter „Medien-Host“ ein.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="338"/>
        <source>Jump to a conversation by contact name or @username</source>
        <translation>Zu einer Unterhaltung springen (Kontaktname oder @Benutzername)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="234"/>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="247"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="249"/>
        <source>Show or hide the contact panel (%1)</source>
        <translation>Kontaktbereich ein- oder ausblenden (%1)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="342"/>
        <source>Quick switcher: choose a conversation and open it</source>
        <translation>Schnellwechsler: Unterhaltung auswählen und öffnen</translation>
    </message>
</context>
<context>
    <name>inlet::app::LoginHelper</name>
    <message>
        <location filename="../src/app/login/loginhelper.cpp" line="63"/>
        <source>The sign-in window&apos;s program %1 was not found (looked for %2). Install it with Inlet, or set INLET_LOGIN to its path.</source>
        <translation>Das Programm des Anmeldefensters, %1, wurde nicht gefunden (gesucht: %2). Installiere es mit Inlet oder setze INLET_LOGIN auf seinen Pfad.</translation>
    </message>
    <message>
        <location filename="../src/app/login/loginhelper.cpp" line="77"/>
        <source>The sign-in window&apos;s program %1 could not be started: %2</source>
        <translation>Das Programm des Anmeldefensters, %1, konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location filename="../src/app/login/loginhelper.cpp" line="139"/>
        <source>The sign-in window stopped unexpectedly. Try again.</source>
        <translation>Das Anmeldefenster wurde unerwartet beendet. Versuche es erneut.</translation>
    </message>
</context>
<context>
    <name>inlet::app::LoginWindow</name>
    <message>
        <location filename="../ui/loginwindow.ui" line="15"/>
        <source>Sign in to Instagram</source>
        <translation>Bei Instagram anmelden</translation>
    </message>
    <message>
        <location filename="../ui/loginwindow.ui" line="35"/>
        <source>Address of the sign-in page</source>
        <translation>Adresse der Anmeldeseite</translation>
    </message>
    <message>
        <location filename="../ui/loginwindow.ui" line="48"/>
        <source>Use another account</source>
        <translation>Anderes Konto verwenden</translation>
    </message>
    <message>
        <location filename="../ui/loginwindow.ui" line="45"/>
        <source>Sign out of Instagram in this window and sign in as someone else</source>
        <translation>In diesem Fenster von Instagram abmelden und als jemand anderes anmelden</translation>
    </message>
    <message>
        <location filename="../ui/loginwindow.ui" line="55"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../src/app/login/loginwindow.cpp" line="46"/>
        <source>The sign-in page stopped unexpectedly.</source>
        <translation>Die Anmeldeseite wurde unerwartet beendet.</translation>
    </message>
    <message>
        <location filename="../src/app/login/loginwindow.cpp" line="92"/>
        <source>The sign-in page could not be loaded (%1). Check your connection and the Instagram hosts in the settings.</source>
        <translation>Die Anmeldeseite konnte nicht geladen werden (%1). Prüfe deine Verbindung und die Instagram-Hosts in den Einstellungen.</translation>
    </message>
    <message>
        <location filename="../src/app/login/loginwindow.cpp" line="100"/>
        <source>Sign-in was cancelled: the window was closed.</source>
        <translation>Die Anmeldung wurde abgebrochen: das Fenster wurde geschlossen.</translation>
    </message>
</context>
<context>
    <name>inlet::app::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.ui" line="159"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="284"/>
        <source>&amp;Webhooks…</source>
        <translation>&amp;Webhooks…</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="289"/>
        <source>Saved &amp;replies…</source>
        <translation>Gespeicherte &amp;Antworten…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="15"/>
        <location filename="../src/app/shell/mainwindow.cpp" line="231"/>
        <source>Inlet</source>
        <translation>Inlet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="42"/>
        <source>Conversations will appear here.</source>
        <translation>Hier erscheinen die Unterhaltungen.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="63"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="66"/>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="67"/>
        <source>Connected to the local sandbox, not to Instagram</source>
        <translation>Mit der lokalen Sandbox verbunden, nicht mit Instagram</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="98"/>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="102"/>
        <source>Connected @%1.</source>
        <translation>@%1 verbunden.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="107"/>
        <source>@%1 needs to sign in again.</source>
        <translation>@%1 muss sich erneut anmelden.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="112"/>
        <source>The sandbox could not start: %1</source>
        <translation>Die Sandbox konnte nicht starten: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="55"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="95"/>
        <source>&amp;Connect an Instagram account…</source>
        <translation>Instagram-Konto &amp;verbinden…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="98"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="103"/>
        <source>Try the &amp;sandbox</source>
        <translation>&amp;Sandbox ausprobieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="108"/>
        <source>S&amp;ettings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="116"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="66"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="70"/>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="124"/>
        <source>&amp;Accounts…</source>
        <translation>&amp;Konten…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="127"/>
        <source>All accounts, their state and actions</source>
        <translation>Alle Konten, ihr Zustand und ihre Aktionen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="138"/>
        <source>Follow the &amp;system</source>
        <translation>Dem &amp;System folgen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="146"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="154"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="82"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="167"/>
        <source>How to create a &amp;Meta app</source>
        <translation>So erstellst du eine &amp;Meta-App</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="172"/>
        <source>&amp;About Inlet</source>
        <translation>&amp;Über Inlet</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="153"/>
        <source>About Inlet</source>
        <translation>Über Inlet</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="154"/>
        <source>&lt;b&gt;Inlet %1&lt;/b&gt;&lt;p&gt;Answer your business&apos;s Instagram Direct Messages from the desktop.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Inlet %1&lt;/b&gt;&lt;p&gt;Beantworte die Instagram-Direktnachrichten deines Unternehmens am Desktop.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/shell/mainwindow.cpp" line="230"/>
        <source>Inlet — %n account(s) need sign-in</source>
        <translation>
            <numerusform>Inlet — %n Konto muss sich anmelden</numerusform>
            <numerusform>Inlet — %n Konten müssen sich anmelden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="263"/>
        <source>All accounts: their state, Reconnect, Disconnect, Connect another</source>
        <translation>Alle Konten: ihr Zustand, Neu verbinden, Trennen, weiteres verbinden</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="270"/>
        <source>First enter your Meta app&apos;s Instagram App ID and App Secret.</source>
        <translation>Gib zuerst die Instagram-App-ID und das App-Secret deiner Meta-App ein.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="285"/>
        <location filename="../src/app/shell/sandboxresume.cpp" line="49"/>
        <source>Starting the sandbox…</source>
        <translation>Sandbox wird gestartet…</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="296"/>
        <source>Sign in again as this account to reconnect it.</source>
        <translation>Melde dich erneut mit diesem Konto an, um es wieder zu verbinden.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="330"/>
        <source>Media host token not saved</source>
        <translation>Token des Medien-Hosts nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="337"/>
        <source>App Secret not saved</source>
        <translation>App-Secret nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="340"/>
        <source>The App Secret is in the keychain.</source>
        <translation>Das App-Secret liegt im Schlüsselbund.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="346"/>
        <source>Meta App Secret not saved</source>
        <translation>Meta-App-Secret nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="349"/>
        <source>The Meta App Secret is in the keychain.</source>
        <translation>Das Meta-App-Secret liegt im Schlüsselbund.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="361"/>
        <source>Disconnect @%1</source>
        <translation>@%1 trennen</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="362"/>
        <source>Disconnect @%1 from Inlet? Its access token is deleted from the keychain. What should happen to its stored conversations?</source>
        <translation>@%1 von Inlet trennen? Das Zugriffstoken wird aus dem Schlüsselbund gelöscht. Was soll mit den gespeicherten Unterhaltungen geschehen?</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="366"/>
        <source>Keep messages</source>
        <translation>Nachrichten behalten</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="367"/>
        <source>Delete messages</source>
        <translation>Nachrichten löschen</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="389"/>
        <source>Could not disconnect</source>
        <translation>Trennen nicht möglich</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="392"/>
        <source>@%1 was disconnected.</source>
        <translation>@%1 wurde getrennt.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="400"/>
        <source>Sign-in cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="403"/>
        <location filename="../src/app/shell/mainwindow.cpp" line="404"/>
        <source>Sign-in failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="417"/>
        <source>No keyring</source>
        <translation>Kein Schlüsselbund</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="418"/>
        <source>%1

Keep the token for this session only? You will have to sign in again next time.</source>
        <translation>%1

Das Token nur für diese Sitzung behalten? Beim nächsten Start musst du dich erneut anmelden.</translation>
    </message>
</context>
<context>
    <name>inlet::app::MessageDelegate</name>
    <message>
        <location filename="../src/app/inbox/messagedelegate.cpp" line="169"/>
        <source>Image unavailable</source>
        <translation>Bild nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagedelegate.cpp" line="169"/>
        <source>Loading image…</source>
        <translation>Bild wird geladen…</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagedelegate.cpp" line="183"/>
        <source>Open in browser ↗</source>
        <translation>Im Browser öffnen ↗</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagedelegate.cpp" line="221"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagedelegate.cpp" line="222"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagedelegate.cpp" line="225"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>inlet::app::MessageLayoutEngine</name>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="91"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="121"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="123"/>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="152"/>
        <source>Replying to a message</source>
        <translation>Antwort auf eine Nachricht</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="158"/>
        <source>Replied to your story</source>
        <translation>Hat auf deine Story geantwortet</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="167"/>
        <source>This message was unsent</source>
        <translation>Diese Nachricht wurde zurückgezogen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="246"/>
        <source>Open the story</source>
        <translation>Story öffnen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="292"/>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="294"/>
        <source>Uploading…</source>
        <translation>Wird hochgeladen…</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="310"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="311"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="321"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>inlet::app::MessageView</name>
    <message>
        <location filename="../src/app/inbox/messageview.cpp" line="34"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messageview.cpp" line="133"/>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messageview.cpp" line="136"/>
        <source>React</source>
        <translation>Reagieren</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messageview.cpp" line="141"/>
        <source>Instagram accepts only ❤️ from businesses.</source>
        <translation>Instagram akzeptiert von Unternehmen nur ❤️.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messageview.cpp" line="153"/>
        <source>Remove reaction</source>
        <translation>Reaktion entfernen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messageview.cpp" line="156"/>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messageview.cpp" line="163"/>
        <source>Cancel upload</source>
        <translation>Hochladen abbrechen</translation>
    </message>
</context>
<context>
    <name>inlet::app::NotificationsMenu</name>
    <message>
        <location filename="../src/app/shell/notificationsmenu.cpp" line="8"/>
        <source>&amp;Notifications</source>
        <translation>&amp;Benachrichtigungen</translation>
    </message>
    <message>
        <location filename="../src/app/shell/notificationsmenu.cpp" line="19"/>
        <source>Show &amp;notifications</source>
        <translation>&amp;Benachrichtigungen anzeigen</translation>
    </message>
    <message>
        <location filename="../src/app/shell/notificationsmenu.cpp" line="24"/>
        <source>Play a &amp;sound</source>
        <translation>&amp;Ton abspielen</translation>
    </message>
    <message>
        <location filename="../src/app/shell/notificationsmenu.cpp" line="32"/>
        <source>Mute accounts</source>
        <translation>Konten stummschalten</translation>
    </message>
    <message>
        <location filename="../src/app/shell/notificationsmenu.cpp" line="34"/>
        <source>Mute %1</source>
        <translation>%1 stummschalten</translation>
    </message>
</context>
<context>
    <name>inlet::app::Notifier</name>
    <message>
        <location filename="../src/app/shell/notifier.cpp" line="209"/>
        <source>New messages</source>
        <translation>Neue Nachrichten</translation>
    </message>
    <message>
        <location filename="../src/app/shell/notifier.cpp" line="41"/>
        <source>Sent an attachment</source>
        <translation>Hat einen Anhang gesendet</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/shell/notifier.cpp" line="134"/>
        <source>Inlet: %n unread conversation(s)</source>
        <translation>
            <numerusform>Inlet: %n ungelesene Unterhaltung</numerusform>
            <numerusform>Inlet: %n ungelesene Unterhaltungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/shell/notifier.cpp" line="135"/>
        <location filename="../src/app/shell/notifier.cpp" line="209"/>
        <location filename="../src/app/shell/notifier.cpp" line="211"/>
        <source>Inlet</source>
        <translation>Inlet</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/shell/notifier.cpp" line="211"/>
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n neue Nachricht</numerusform>
            <numerusform>%n neue Nachrichten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inlet::app::QuickSwitcher</name>
    <message>
        <location filename="../src/app/inbox/quickswitcher.cpp" line="124"/>
        <source>Jump to a conversation</source>
        <translation>Zu einer Unterhaltung springen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/quickswitcher.cpp" line="131"/>
        <source>Jump to a conversation: type a name or @username</source>
        <translation>Zu einer Unterhaltung springen: Namen oder @Benutzernamen eingeben</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/quickswitcher.cpp" line="132"/>
        <source>Conversation name</source>
        <translation>Name der Unterhaltung</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/quickswitcher.cpp" line="142"/>
        <source>Matching conversations</source>
        <translation>Passende Unterhaltungen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/quickswitcher.cpp" line="284"/>
        <source>No conversations yet.</source>
        <translation>Noch keine Unterhaltungen.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/quickswitcher.cpp" line="285"/>
        <source>No conversation with a contact named “%1”.</source>
        <translation>Keine Unterhaltung mit einem Kontakt namens „%1“.</translation>
    </message>
</context>
<context>
    <name>inlet::app::RailButton</name>
    <message>
        <location filename="../src/app/shell/accountsrail.cpp" line="67"/>
        <source>Account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/shell/accountsrail.cpp" line="69"/>
        <location filename="../src/app/shell/accountsrail.cpp" line="83"/>
        <source>%n unread conversation(s)</source>
        <translation>
            <numerusform>%n ungelesene Unterhaltung(en)</numerusform>
            <numerusform>%n ungelesene Unterhaltung(en)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/shell/accountsrail.cpp" line="71"/>
        <source>needs sign-in</source>
        <translation>muss sich neu anmelden</translation>
    </message>
    <message>
        <location filename="../src/app/shell/accountsrail.cpp" line="79"/>
        <source>Needs sign-in</source>
        <translation>Muss sich neu anmelden</translation>
    </message>
    <message>
        <location filename="../src/app/shell/accountsrail.cpp" line="84"/>
        <source>Click for all accounts and their actions</source>
        <translation>Klicken für alle Konten und ihre Aktionen</translation>
    </message>
</context>
<context>
    <name>inlet::app::ReactionNotice</name>
    <message>
        <location filename="../src/app/inbox/reactionnotice.cpp" line="17"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/reactionnotice.cpp" line="18"/>
        <source>Dismiss</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/reactionnotice.cpp" line="21"/>
        <source>Reaction not sent</source>
        <translation>Reaktion nicht gesendet</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/reactionnotice.cpp" line="26"/>
        <source>Send the reaction again</source>
        <translation>Die Reaktion erneut senden</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/reactionnotice.cpp" line="27"/>
        <source>Forget this reaction</source>
        <translation>Diese Reaktion verwerfen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/reactionnotice.cpp" line="62"/>
        <source>Your reaction could not be removed: %1</source>
        <translation>Deine Reaktion konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/reactionnotice.cpp" line="63"/>
        <source>Your reaction %1 could not be sent: %2</source>
        <translation>Deine Reaktion %1 konnte nicht gesendet werden: %2</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/reactionnotice.cpp" line="70"/>
        <source>Retry failed: %1</source>
        <translation>Erneuter Versuch fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/reactionnotice.cpp" line="76"/>
        <source>Could not dismiss: %1</source>
        <translation>Konnte nicht verworfen werden: %1</translation>
    </message>
</context>
<context>
    <name>inlet::app::SandboxController</name>
    <message>
        <location filename="../src/app/shell/sandboxcontroller.cpp" line="105"/>
        <source>The sandbox program %1 was not found (looked for %2). Install it with Inlet, or set INLET_SANDBOX to its path.</source>
        <translation>Das Sandbox-Programm %1 wurde nicht gefunden (gesucht: %2). Installiere es mit Inlet oder setze INLET_SANDBOX auf seinen Pfad.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/sandboxcontroller.cpp" line="127"/>
        <source>The sandbox program %1 could not be started: %2</source>
        <translation>Das Sandbox-Programm %1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location filename="../src/app/shell/sandboxcontroller.cpp" line="141"/>
        <source>The sandbox program printed no base URL.</source>
        <translation>Das Sandbox-Programm hat keine Basis-URL ausgegeben.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/sandboxcontroller.cpp" line="166"/>
        <source>The sandbox program stopped before it was ready (exit status %1).</source>
        <translation>Das Sandbox-Programm hat sich beendet, bevor es bereit war (Exit-Status %1).</translation>
    </message>
    <message>
        <location filename="../src/app/shell/sandboxcontroller.cpp" line="191"/>
        <source>The sandbox at %1 could not be used: %2</source>
        <translation>Die Sandbox unter %1 konnte nicht verwendet werden: %2</translation>
    </message>
</context>
<context>
    <name>inlet::app::SavedRepliesDialog</name>
    <message>
        <location filename="../ui/savedrepliesdialog.ui" line="7"/>
        <location filename="../ui/savedrepliesdialog.ui" line="23"/>
        <source>Saved replies</source>
        <translation>Gespeicherte Antworten</translation>
    </message>
    <message>
        <location filename="../ui/savedrepliesdialog.ui" line="35"/>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location filename="../ui/savedrepliesdialog.ui" line="42"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../ui/savedrepliesdialog.ui" line="55"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <location filename="../ui/savedrepliesdialog.ui" line="68"/>
        <source>S&amp;hortcut:</source>
        <translation>&amp;Kürzel:</translation>
    </message>
    <message>
        <location filename="../ui/savedrepliesdialog.ui" line="78"/>
        <source>e.g. thanks (type /thanks in a reply)</source>
        <translation>z. B. danke (in einer Antwort /danke tippen)</translation>
    </message>
    <message>
        <location filename="../ui/savedrepliesdialog.ui" line="85"/>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xt:</translation>
    </message>
    <message>
        <location filename="../ui/savedrepliesdialog.ui" line="102"/>
        <source>Variables: {first_name} the customer&apos;s first name, {username} their Instagram username, {agent} your name. Any other {word} stays as written.</source>
        <translation>Variablen: {first_name} der Vorname der Kundin oder des Kunden, {username} der Instagram-Benutzername, {agent} dein Name. Jedes andere {Wort} bleibt, wie es ist.</translation>
    </message>
    <message>
        <location filename="../ui/savedrepliesdialog.ui" line="112"/>
        <source>&amp;Save reply</source>
        <translation>Antwort &amp;speichern</translation>
    </message>
    <message>
        <location filename="../ui/savedrepliesdialog.ui" line="125"/>
        <source>Your na&amp;me:</source>
        <translation>Dein Na&amp;me:</translation>
    </message>
    <message>
        <location filename="../ui/savedrepliesdialog.ui" line="135"/>
        <source>For {agent}; when empty, the Instagram account&apos;s name</source>
        <translation>Für {agent}; wenn leer, der Name des Instagram-Kontos</translation>
    </message>
    <message>
        <location filename="../ui/savedrepliesdialog.ui" line="153"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <location filename="../ui/savedrepliesdialog.ui" line="160"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="58"/>
        <source>Give the reply a title.</source>
        <translation>Gib der Antwort einen Titel.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="60"/>
        <source>Write the reply&apos;s text.</source>
        <translation>Schreib den Text der Antwort.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="62"/>
        <source>A shortcut is one word, without spaces.</source>
        <translation>Ein Kürzel ist ein Wort, ohne Leerzeichen.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="64"/>
        <source>Another saved reply has this shortcut already.</source>
        <translation>Eine andere gespeicherte Antwort hat dieses Kürzel bereits.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="66"/>
        <source>This saved reply was deleted meanwhile.</source>
        <translation>Diese gespeicherte Antwort wurde inzwischen gelöscht.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="72"/>
        <source>The file is not a list of saved replies Inlet can read: %1</source>
        <translation>Die Datei ist keine Liste gespeicherter Antworten, die Inlet lesen kann: %1</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="73"/>
        <source>The saved replies could not be changed: %1</source>
        <translation>Die gespeicherten Antworten konnten nicht geändert werden: %1</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="147"/>
        <source>Saved “%1”.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="164"/>
        <source>Deleted “%1”.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="172"/>
        <source>%1 could not be opened: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="185"/>
        <source>%n saved replies imported (a reply with a shortcut you had replaces yours).</source>
        <translation>
            <numerusform>%n gespeicherte Antwort importiert (eine Antwort mit einem Kürzel, das du schon hattest, ersetzt deine).</numerusform>
            <numerusform>%n gespeicherte Antworten importiert (eine Antwort mit einem Kürzel, das du schon hattest, ersetzt deine).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="195"/>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="200"/>
        <source>%n saved replies exported to %1.</source>
        <translation>
            <numerusform>%n gespeicherte Antwort nach %1 exportiert.</numerusform>
            <numerusform>%n gespeicherte Antworten nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="207"/>
        <source>Import saved replies</source>
        <translation>Gespeicherte Antworten importieren</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="209"/>
        <source>Saved replies (*.json);;All files (*)</source>
        <translation>Gespeicherte Antworten (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="216"/>
        <source>Export saved replies</source>
        <translation>Gespeicherte Antworten exportieren</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="219"/>
        <source>Saved replies (*.json)</source>
        <translation>Gespeicherte Antworten (*.json)</translation>
    </message>
</context>
<context>
    <name>inlet::app::SettingsDialog</name>
    <message>
        <location filename="../ui/settingsdialog.ui" line="79"/>
        <source>Redirect URI</source>
        <translation>Weiterleitungs-URI</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="184"/>
        <source>Login host</source>
        <translation>Anmelde-Host</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="201"/>
        <source>Token host</source>
        <translation>Token-Host</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="218"/>
        <source>Graph API host</source>
        <translation>Graph-API-Host</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="235"/>
        <source>Facebook Graph API host</source>
        <translation>Facebook-Graph-API-Host</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="295"/>
        <source>Media upload URL</source>
        <translation>Upload-URL des Medien-Hosts</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="315"/>
        <source>Media public URL</source>
        <translation>Öffentliche URL des Medien-Hosts</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="7"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="39"/>
        <source>Instagram App ID</source>
        <translation>Instagram-App-ID</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="42"/>
        <source>e.g. 1234567890123456</source>
        <translation>z. B. 1234567890123456</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="59"/>
        <source>Instagram App Secret</source>
        <translation>Instagram-App-Secret</translation>
    </message>
    <message>
        <location filename="../src/app/settings/settingsdialog.cpp" line="41"/>
        <location filename="../src/app/settings/settingsdialog.cpp" line="97"/>
        <location filename="../src/app/settings/settingsdialog.cpp" line="110"/>
        <source>Stored in the keychain; type to replace it</source>
        <translation>Im Schlüsselbund gespeichert; zum Ersetzen eintippen</translation>
    </message>
    <message>
        <location filename="../src/app/settings/settingsdialog.cpp" line="41"/>
        <location filename="../src/app/settings/settingsdialog.cpp" line="97"/>
        <source>Not set</source>
        <translation>Nicht gesetzt</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="252"/>
        <source>Graph API version</source>
        <translation>Graph-API-Version</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="125"/>
        <source>Meta App ID</source>
        <translation>Meta-App-ID</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="128"/>
        <source>Optional, e.g. 2345678901234567</source>
        <translation>Optional, z. B. 2345678901234567</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="145"/>
        <source>Meta App Secret</source>
        <translation>Meta-App-Secret</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="86"/>
        <source>&lt;a href=&quot;help&quot;&gt;How to create a Meta app and find its Instagram App ID and Secret&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;help&quot;&gt;So erstellst du eine Meta-App und findest ihre Instagram-App-ID und das Secret&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="13"/>
        <source>Instagram app</source>
        <translation>Instagram-App</translation>
    </message>
    <message>
        <source>App ID:</source>
        <translation type="vanished">App-ID:</translation>
    </message>
    <message>
        <source>App Secret:</source>
        <translation type="vanished">App-Secret:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="69"/>
        <source>Redirect URI:</source>
        <translation>Weiterleitungs-URI:</translation>
    </message>
    <message>
        <source>The App Secret is kept in your system keychain only, never in a settings file.</source>
        <translation type="vanished">Das App-Secret liegt nur im Schlüsselbund deines Systems, nie in einer Einstellungsdatei.</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="19"/>
        <source>In Meta&apos;s dashboard under Instagram &gt; API setup with Instagram login (Business login settings). Inlet signs accounts in with this pair.</source>
        <translation>Im Meta-Dashboard unter „Instagram &gt; API setup with Instagram login“ (Business login settings). Mit diesem Paar meldet Inlet Konten an.</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="29"/>
        <source>Instagram App ID:</source>
        <translation>Instagram-App-ID:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="49"/>
        <source>Instagram App Secret:</source>
        <translation>Instagram-App-Secret:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="99"/>
        <source>Meta app (optional)</source>
        <translation>Meta-App (optional)</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="105"/>
        <source>In Meta&apos;s dashboard under App settings &gt; Basic. Inlet uses this pair to register its webhook with Meta; without it, enter the callback URL and verify token in the dashboard yourself. Webhooks signed with either secret are accepted.</source>
        <translation>Im Meta-Dashboard unter „App settings &gt; Basic“. Mit diesem Paar meldet Inlet seinen Webhook bei Meta an; ohne es trägst du Callback-URL und Verify-Token selbst im Dashboard ein. Webhooks, die mit einem der beiden Secrets signiert sind, werden angenommen.</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="115"/>
        <source>Meta App ID:</source>
        <translation>Meta-App-ID:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="135"/>
        <source>Meta App Secret:</source>
        <translation>Meta-App-Secret:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="158"/>
        <source>Both secrets are kept in your system keychain only, never in a settings file.</source>
        <translation>Beide Secrets liegen nur im Schlüsselbund deines Systems, nie in einer Einstellungsdatei.</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="168"/>
        <source>Instagram hosts</source>
        <translation>Instagram-Hosts</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="174"/>
        <source>Login:</source>
        <translation>Anmeldung:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="191"/>
        <source>Token exchange:</source>
        <translation>Token-Austausch:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="208"/>
        <source>Graph API:</source>
        <translation>Graph-API:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="225"/>
        <source>Facebook Graph API:</source>
        <translation>Facebook-Graph-API:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="242"/>
        <source>API version:</source>
        <translation>API-Version:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="259"/>
        <source>Reset to Instagram</source>
        <translation>Auf Instagram zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="298"/>
        <source>e.g. https://media.example.com/dav/inlet</source>
        <translation>z. B. https://media.example.com/dav/inlet</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="318"/>
        <source>e.g. https://media.example.com/inlet</source>
        <translation>z. B. https://media.example.com/inlet</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="335"/>
        <source>Media host access token</source>
        <translation>Zugriffstoken des Medien-Hosts</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="269"/>
        <source>Media host</source>
        <translation>Medien-Host</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="275"/>
        <source>Instagram takes pictures and videos only from a public HTTPS address, so Inlet uploads each attachment to this host (HTTP PUT) and sends Instagram its public URL.</source>
        <translation>Instagram nimmt Bilder und Videos nur von einer öffentlichen HTTPS-Adresse. Deshalb lädt Inlet jeden Anhang auf diesen Host hoch (HTTP PUT) und schickt Instagram seine öffentliche URL.</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="285"/>
        <source>Upload URL:</source>
        <translation>Upload-URL:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="305"/>
        <source>Public URL:</source>
        <translation>Öffentliche URL:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="325"/>
        <source>Access token:</source>
        <translation>Zugriffstoken:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.ui" line="348"/>
        <source>Settings error</source>
        <translation>Fehler in den Einstellungen</translation>
    </message>
    <message>
        <location filename="../src/app/settings/settingsdialog.cpp" line="111"/>
        <source>Optional: sent as &quot;Authorization: Bearer&quot;</source>
        <translation>Optional: wird als „Authorization: Bearer“ gesendet</translation>
    </message>
    <message>
        <location filename="../src/app/settings/settingsdialog.cpp" line="133"/>
        <source>The App ID is a number, as shown in the Meta dashboard.</source>
        <translation>Die App-ID ist eine Zahl, wie im Meta-Dashboard angezeigt.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/settingsdialog.cpp" line="138"/>
        <source>The Meta App ID is a number, as shown in the Meta dashboard under App settings &gt; Basic.</source>
        <translation>Die Meta-App-ID ist eine Zahl, wie sie das Meta-Dashboard unter „App settings &gt; Basic“ zeigt.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/settingsdialog.cpp" line="142"/>
        <source>Enter the Meta App ID with its secret.</source>
        <translation>Gib die Meta-App-ID zusammen mit ihrem Secret ein.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/settingsdialog.cpp" line="144"/>
        <source>The redirect URI must be a full http(s) address, exactly as registered in the Meta dashboard.</source>
        <translation>Die Weiterleitungs-URI muss eine vollständige http(s)-Adresse sein, genau wie im Meta-Dashboard eingetragen.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/settingsdialog.cpp" line="148"/>
        <location filename="../src/app/settings/settingsdialog.cpp" line="159"/>
        <source>&quot;%1&quot; is not a valid http(s) address.</source>
        <translation>„%1“ ist keine gültige http(s)-Adresse.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/settingsdialog.cpp" line="151"/>
        <source>The API version must not be empty (e.g. v25.0).</source>
        <translation>Die API-Version darf nicht leer sein (z. B. v25.0).</translation>
    </message>
    <message>
        <location filename="../src/app/settings/settingsdialog.cpp" line="155"/>
        <source>The media host needs both addresses: where Inlet uploads and where Instagram fetches (or neither).</source>
        <translation>Der Medien-Host braucht beide Adressen: wohin Inlet hochlädt und wo Instagram abruft (oder keine).</translation>
    </message>
    <message>
        <location filename="../src/app/settings/settingsdialog.cpp" line="165"/>
        <source>Instagram fetches attachments only over HTTPS: the public URL must start with https://.</source>
        <translation>Instagram ruft Anhänge nur über HTTPS ab: Die öffentliche URL muss mit https:// beginnen.</translation>
    </message>
</context>
<context>
    <name>inlet::app::ShortcutsDialog</name>
    <message>
        <location filename="../ui/shortcutsdialog.ui" line="7"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/shortcutsdialog.ui" line="32"/>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <location filename="../ui/shortcutsdialog.ui" line="37"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
</context>
<context>
    <name>inlet::app::SnoozeDialog</name>
    <message>
        <location filename="../ui/snoozedialog.ui" line="7"/>
        <location filename="../ui/snoozedialog.ui" line="23"/>
        <source>Snooze until</source>
        <translation>Zurückstellen bis</translation>
    </message>
    <message>
        <location filename="../ui/snoozedialog.ui" line="13"/>
        <source>The conversation comes back to the inbox at this time, or sooner when the customer writes.</source>
        <translation>Die Unterhaltung kommt zu diesem Zeitpunkt zurück in den Posteingang, oder früher, wenn der Kunde schreibt.</translation>
    </message>
</context>
<context>
    <name>inlet::app::SyncIndicator</name>
    <message>
        <location filename="../src/app/shell/syncindicator.cpp" line="10"/>
        <source>Syncing conversations</source>
        <translation>Unterhaltungen werden synchronisiert</translation>
    </message>
    <message>
        <location filename="../src/app/shell/syncindicator.cpp" line="25"/>
        <source>Sync failed</source>
        <translation>Synchronisierung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../src/app/shell/syncindicator.cpp" line="25"/>
        <source>Sync failed: %1</source>
        <translation>Synchronisierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../src/app/shell/syncindicator.cpp" line="27"/>
        <source>Conversations are up to date</source>
        <translation>Unterhaltungen sind aktuell</translation>
    </message>
    <message>
        <location filename="../src/app/shell/syncindicator.cpp" line="45"/>
        <source>Syncing conversations: %1 of %2</source>
        <translation>Unterhaltungen werden synchronisiert: %1 von %2</translation>
    </message>
</context>
<context>
    <name>inlet::app::TriageActions</name>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="21"/>
        <source>In 1 hour</source>
        <translation>In 1 Stunde</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="23"/>
        <source>This evening</source>
        <translation>Heute Abend</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="25"/>
        <source>Tomorrow morning</source>
        <translation>Morgen früh</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="27"/>
        <source>Next week</source>
        <translation>Nächste Woche</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="40"/>
        <location filename="../src/app/inbox/triageactions.cpp" line="115"/>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="41"/>
        <location filename="../src/app/inbox/triageactions.cpp" line="117"/>
        <source>Mark as unread</source>
        <translation>Als ungelesen markieren</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="98"/>
        <location filename="../src/app/inbox/triageactions.cpp" line="112"/>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="98"/>
        <location filename="../src/app/inbox/triageactions.cpp" line="112"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="99"/>
        <source>Open the conversation again (%1)</source>
        <translation>Unterhaltung wieder öffnen (%1)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="101"/>
        <source>Done until the customer writes again (%1)</source>
        <translation>Erledigt, bis der Kunde wieder schreibt (%1)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="104"/>
        <source>Snooze until a time (%1)</source>
        <translation>Bis zu einem Zeitpunkt zurückstellen (%1)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="106"/>
        <source>Mark as unread (%1)</source>
        <translation>Als ungelesen markieren (%1)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="140"/>
        <source>Custom date and time…</source>
        <translation>Eigenes Datum und Uhrzeit…</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="145"/>
        <source>Open now</source>
        <translation>Jetzt öffnen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="187"/>
        <source>The conversation could not be changed: %1</source>
        <translation>Die Unterhaltung konnte nicht geändert werden: %1</translation>
    </message>
</context>
<context>
    <name>inlet::app::TriagePanel</name>
    <message>
        <location filename="../ui/triagepanel.ui" line="25"/>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <location filename="../ui/triagepanel.ui" line="49"/>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <location filename="../ui/triagepanel.ui" line="52"/>
        <source>Only conversations with a picture, video, audio or file</source>
        <translation>Nur Unterhaltungen mit Bild, Video, Audio oder Datei</translation>
    </message>
    <message>
        <location filename="../ui/triagepanel.ui" line="59"/>
        <source>Stories</source>
        <translation>Storys</translation>
    </message>
    <message>
        <location filename="../ui/triagepanel.ui" line="62"/>
        <source>Only conversations where the customer mentioned or answered a story</source>
        <translation>Nur Unterhaltungen, in denen der Kunde eine Story erwähnt oder beantwortet hat</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triagepanel.cpp" line="18"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triagepanel.cpp" line="20"/>
        <source>Needs reply</source>
        <translation>Antwort offen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triagepanel.cpp" line="22"/>
        <source>Reply window</source>
        <translation>Antwortfenster</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triagepanel.cpp" line="24"/>
        <source>Snoozed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triagepanel.cpp" line="26"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
</context>
<context>
    <name>inlet::app::WebhooksDialog</name>
    <message>
        <location filename="../src/app/settings/webhooksdialog.cpp" line="28"/>
        <source>&amp;Subscribe</source>
        <translation>&amp;Abonnieren</translation>
    </message>
    <message>
        <location filename="../ui/webhooksdialog.ui" line="78"/>
        <source>&amp;Polling mode (no public URL)</source>
        <translation>&amp;Abfragemodus (keine öffentliche URL)</translation>
    </message>
    <message>
        <location filename="../ui/webhooksdialog.ui" line="7"/>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <location filename="../ui/webhooksdialog.ui" line="69"/>
        <source>https://example.ngrok.app/webhook</source>
        <translation>https://example.ngrok.app/webhook</translation>
    </message>
    <message>
        <location filename="../ui/webhooksdialog.ui" line="13"/>
        <source>Instagram delivers new messages by calling a webhook. It must reach this computer over HTTPS from the internet, so put a tunnel or reverse proxy in front of the local callback URL and enter its public address here, then press Subscribe: Meta checks it with the verify token and every connected account is subscribed. Without a public URL, switch on polling mode: Inlet then asks Instagram for new messages every half minute.</source>
        <translation>Instagram liefert neue Nachrichten über einen Webhook. Er muss diesen Computer aus dem Internet über HTTPS erreichen: Stelle einen Tunnel oder Reverse Proxy vor die lokale Callback-URL, trage hier dessen öffentliche Adresse ein und klicke auf Abonnieren. Meta prüft sie mit dem Verifizierungstoken, und jedes verbundene Konto wird abonniert. Ohne öffentliche URL schalte den Abfragemodus ein: Inlet fragt Instagram dann jede halbe Minute nach neuen Nachrichten.</translation>
    </message>
    <message>
        <location filename="../ui/webhooksdialog.ui" line="25"/>
        <source>Local callback URL:</source>
        <translation>Lokale Callback-URL:</translation>
    </message>
    <message>
        <location filename="../ui/webhooksdialog.ui" line="42"/>
        <source>Verify token:</source>
        <translation>Verifizierungstoken:</translation>
    </message>
    <message>
        <location filename="../ui/webhooksdialog.ui" line="59"/>
        <source>Public URL:</source>
        <translation>Öffentliche URL:</translation>
    </message>
    <message>
        <location filename="../src/app/settings/webhooksdialog.cpp" line="41"/>
        <source>Subscribing…</source>
        <translation>Wird abonniert…</translation>
    </message>
    <message>
        <location filename="../src/app/settings/webhooksdialog.cpp" line="88"/>
        <source>(not running: enter the App Secret in Settings)</source>
        <translation>(läuft nicht: trage das App-Secret in den Einstellungen ein)</translation>
    </message>
    <message>
        <location filename="../src/app/settings/webhooksdialog.cpp" line="125"/>
        <source>Meta calls the webhook URL (app-level subscription done).</source>
        <translation>Meta ruft die Webhook-URL auf (Abonnement auf App-Ebene erledigt).</translation>
    </message>
    <message>
        <location filename="../src/app/settings/webhooksdialog.cpp" line="133"/>
        <source>No Meta App ID and Secret in Settings: enter the callback URL and verify token in Meta&apos;s dashboard (Instagram &gt; API setup with Instagram login &gt; Configure webhooks).</source>
        <translation>Keine Meta-App-ID und kein Secret in den Einstellungen: Trag Callback-URL und Verify-Token im Meta-Dashboard ein („Instagram &gt; API setup with Instagram login &gt; Configure webhooks“).</translation>
    </message>
    <message>
        <location filename="../src/app/settings/webhooksdialog.cpp" line="137"/>
        <source>App-level subscription failed: %1. Enter the callback URL and verify token in Meta&apos;s dashboard instead.</source>
        <translation>Abonnement auf App-Ebene fehlgeschlagen: %1. Trag Callback-URL und Verify-Token stattdessen im Meta-Dashboard ein.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/settings/webhooksdialog.cpp" line="148"/>
        <source>Subscribed: %n account(s) receive webhooks.</source>
        <translation>
            <numerusform>Abonniert: %n Konto empfängt Webhooks.</numerusform>
            <numerusform>Abonniert: %n Konten empfangen Webhooks.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/settings/webhooksdialog.cpp" line="155"/>
        <source>Subscription failed: %1</source>
        <translation>Abonnieren fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../src/app/settings/webhooksdialog.cpp" line="156"/>
        <source>Subscription failed for %1: %2</source>
        <translation>Abonnieren für %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>inlet::app::WelcomePage</name>
    <message>
        <location filename="../ui/welcomepage.ui" line="105"/>
        <source>Connect an Instagram account</source>
        <translation>Instagram-Konto verbinden</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.ui" line="124"/>
        <source>Try the sandbox</source>
        <translation>Sandbox ausprobieren</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.ui" line="56"/>
        <source>Welcome to Inlet</source>
        <translation>Willkommen bei Inlet</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.ui" line="66"/>
        <source>Answer your business&apos;s Instagram Direct Messages from your desktop.
Connect an Instagram professional account, or try everything first with the built-in sandbox: a pretend Instagram with simulated customers.</source>
        <translation>Beantworte die Instagram-Direktnachrichten deines Unternehmens an deinem Desktop.
Verbinde ein professionelles Instagram-Konto oder probiere zuerst alles mit der eingebauten Sandbox aus: ein nachgestelltes Instagram mit simulierten Kundinnen und Kunden.</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.ui" line="102"/>
        <source>Sign in with Instagram (uses the Meta app set up in Settings)</source>
        <translation>Mit Instagram anmelden (verwendet die in den Einstellungen eingerichtete Meta-App)</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.ui" line="121"/>
        <source>Start the local sandbox and sign in to its demo business account</source>
        <translation>Die lokale Sandbox starten und beim Demo-Unternehmenskonto anmelden</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.ui" line="131"/>
        <source>&lt;a href=&quot;settings&quot;&gt;Settings…&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;settings&quot;&gt;Einstellungen…&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.ui" line="144"/>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../src/app/main.cpp" line="74"/>
        <source>Answer your business&apos;s Instagram Direct Messages.

Without options Inlet opens its window on the default profile in %1. Messages live in inlet.sqlite and settings in inlet.ini there; tokens and the App Secret only in the system keychain.</source>
        <translation>Beantworte die Instagram-Direktnachrichten deines Unternehmens.

Ohne Optionen öffnet Inlet sein Fenster mit dem Standardprofil in %1. Nachrichten liegen dort in inlet.sqlite und Einstellungen in inlet.ini; Tokens und das App Secret nur im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="85"/>
        <source>Keep the database and settings in &lt;dir&gt;.</source>
        <translation>Datenbank und Einstellungen in &lt;dir&gt; ablegen.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="88"/>
        <source>Start the sandbox (inlet-sandbox) and sign in to it.</source>
        <translation>Die Sandbox (inlet-sandbox) starten und bei ihr anmelden.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="91"/>
        <source>Run without windows.</source>
        <translation>Ohne Fenster laufen.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="94"/>
        <source>Headless: use the sandbox at &lt;url&gt;.</source>
        <translation>Ohne Fenster: die Sandbox unter &lt;url&gt; verwenden.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="98"/>
        <source>Listen for webhooks on 127.0.0.1:&lt;port&gt;.</source>
        <translation>Webhooks auf 127.0.0.1:&lt;port&gt; empfangen.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="102"/>
        <source>Poll the Conversations API instead of webhooks.</source>
        <translation>Die Conversations API abfragen statt Webhooks zu nutzen.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="105"/>
        <source>Keep secrets in memory only (no keyring).</source>
        <translation>Geheimnisse nur im Arbeitsspeicher halten (kein Schlüsselbund).</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="107"/>
        <source>Headless: follow the team database at &lt;connection&gt; as an agent&apos;s replica.</source>
        <translation>Headless: der Team-Datenbank unter &lt;connection&gt; als Replikat eines Agenten folgen.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="201"/>
        <source>Inlet cannot start</source>
        <translation>Inlet kann nicht starten</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="202"/>
        <source>Inlet could not open its data in %1:

%2</source>
        <translation>Inlet konnte seine Daten in %1 nicht öffnen:

%2</translation>
    </message>
</context>
</TS>
