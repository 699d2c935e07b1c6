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
        <location filename="../src/app/shell/accountspanel.cpp" line="61"/>
        <source>Remove this account from Inlet</source>
        <translation>Dieses Konto aus Inlet entfernen</translation>
    </message>
    <message>
        <location filename="../ui/accountrow.ui" line="118"/>
        <source>Needs sign-in: Instagram no longer accepts this account&apos;s access. Messages are kept; sending waits.</source>
        <translation>Anmeldung nötig: Instagram akzeptiert den Zugang dieses Kontos nicht mehr. Nachrichten bleiben erhalten; das Senden wartet.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/accountspanel.cpp" line="59"/>
        <source>Disconnect this account from the team: the team server stops its webhooks and forgets its token, and it leaves every agent&apos;s Inlet</source>
        <translation>Dieses Konto vom Team trennen: Der Team-Server stoppt seine Webhooks und vergisst sein Token, und es verschwindet aus dem Inlet jedes Agenten</translation>
    </message>
    <message>
        <location filename="../src/app/shell/accountspanel.cpp" line="71"/>
        <source>Account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message>
        <location filename="../src/app/shell/accountspanel.cpp" line="81"/>
        <source>Webhooks: checking the subscription…</source>
        <translation>Webhooks: Abonnement wird geprüft…</translation>
    </message>
    <message>
        <location filename="../src/app/shell/accountspanel.cpp" line="84"/>
        <source>Live (no event yet)</source>
        <translation>Live (noch kein Ereignis)</translation>
    </message>
    <message>
        <location filename="../src/app/shell/accountspanel.cpp" line="88"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/shell/accountspanel.cpp" line="90"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/shell/accountspanel.cpp" line="92"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/shell/accountspanel.cpp" line="94"/>
        <source>%n days ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/shell/accountspanel.cpp" line="95"/>
        <source>Live (last event %1)</source>
        <translation>Live (letztes Ereignis %1)</translation>
    </message>
    <message>
        <location filename="../src/app/shell/accountspanel.cpp" line="98"/>
        <source>Subscription off: re-subscribing</source>
        <translation>Abonnement aus: wird neu abonniert</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/shell/accountspanel.cpp" line="100"/>
        <source>No public URL: polling every %n s</source>
        <translation>
            <numerusform>Keine öffentliche URL: Abruf alle %n s</numerusform>
            <numerusform>Keine öffentliche URL: Abruf alle %n s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/shell/accountspanel.cpp" line="103"/>
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
    <name>inlet::app::AssignActions</name>
    <message>
        <location filename="../src/app/inbox/assignactions.cpp" line="23"/>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/assignactions.cpp" line="29"/>
        <source>Assign the conversation to an agent (%1)</source>
        <translation>Die Unterhaltung einer Person im Team zuweisen (%1)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/assignactions.cpp" line="88"/>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/assignactions.cpp" line="90"/>
        <source>Assigned to me</source>
        <translation>Mir zugewiesen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/assignactions.cpp" line="91"/>
        <source>Assigned to %1</source>
        <translation>Zugewiesen an %1</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/assignactions.cpp" line="99"/>
        <source>Assign to me</source>
        <translation>Mir zuweisen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/assignactions.cpp" line="112"/>
        <source>%1 (me)</source>
        <translation>%1 (ich)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/assignactions.cpp" line="122"/>
        <source>Nobody</source>
        <translation>Niemandem</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/assignactions.cpp" line="130"/>
        <source>Assign to me when I reply to an unassigned one</source>
        <translation>Mir zuweisen, wenn ich auf eine nicht zugewiesene antworte</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/assignactions.cpp" line="146"/>
        <source>The conversation could not be assigned: the team database is not reachable.</source>
        <translation>Die Unterhaltung konnte nicht zugewiesen werden: Die Team-Datenbank ist nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/assignactions.cpp" line="150"/>
        <source>The conversation could not be assigned: %1</source>
        <translation>Die Unterhaltung konnte nicht zugewiesen werden: %1</translation>
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
        <location filename="../src/app/inbox/composer.cpp" line="150"/>
        <source>Send as a human agent reply (HUMAN_AGENT)</source>
        <translation>Als Antwort eines Mitarbeiters senden (HUMAN_AGENT)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="151"/>
        <location filename="../src/app/inbox/composer.cpp" line="401"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="164"/>
        <source>Instagram allows replies written by a person up to 7 days after the customer&apos;s last message, with the human agent tag.</source>
        <translation>Instagram erlaubt von einem Menschen geschriebene Antworten bis zu 7 Tage nach der letzten Nachricht der Kundin oder des Kunden, mit dem Human-Agent-Tag.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="166"/>
        <location filename="../src/app/inbox/composer.cpp" line="402"/>
        <source>Send reply</source>
        <translation>Antwort senden</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="167"/>
        <source>Bytes used</source>
        <translation>Verwendete Bytes</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="169"/>
        <source>Cancel reply</source>
        <translation>Antwort abbrechen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="177"/>
        <source>Attach…</source>
        <translation>Anhängen…</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="181"/>
        <location filename="../src/app/inbox/composer.cpp" line="265"/>
        <source>Attach a file</source>
        <translation>Datei anhängen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="183"/>
        <source>Open Settings…</source>
        <translation>Einstellungen öffnen…</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="185"/>
        <source>Open Settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="189"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="193"/>
        <source>Write an internal note: only your team sees it, it is never sent to Instagram (%1)</source>
        <translation>Eine interne Notiz schreiben: Nur Ihr Team sieht sie, sie wird nie an Instagram gesendet (%1)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="266"/>
        <source>Images, videos, audio and PDF (*.png *.jpg *.jpeg *.gif *.mp4 *.mov *.avi *.ogg *.webm *.aac *.m4a *.wav *.pdf);;All files (*)</source>
        <translation>Bilder, Videos, Audio und PDF (*.png *.jpg *.jpeg *.gif *.mp4 *.mov *.avi *.ogg *.webm *.aac *.m4a *.wav *.pdf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="282"/>
        <source>%1 is not attached: %2</source>
        <translation>%1 wurde nicht angehängt: %2</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="304"/>
        <source>The pasted image could not be saved.</source>
        <translation>Das eingefügte Bild konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="365"/>
        <source>Replying to: %1</source>
        <translation>Antwort auf: %1</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="394"/>
        <source>Internal note: only your team sees it</source>
        <translation>Interne Notiz: Nur Ihr Team sieht sie</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="401"/>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="402"/>
        <source>Add internal note</source>
        <translation>Interne Notiz hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="427"/>
        <source>%1 / %2 bytes</source>
        <translation>%1 / %2 Bytes</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="429"/>
        <source>Instagram limits a message to 1000 bytes of UTF-8: emoji and accented letters take more than one byte.</source>
        <translation>Instagram begrenzt eine Nachricht auf 1000 Bytes UTF-8: Emojis und Buchstaben mit Akzent belegen mehr als ein Byte.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="450"/>
        <source>More than 24 hours since the customer&apos;s last message: only a reply written by you, sent with the human agent tag, is allowed (up to 7 days).</source>
        <translation>Mehr als 24 Stunden seit der letzten Nachricht der Kundin oder des Kunden: Erlaubt ist nur eine von dir geschriebene Antwort mit dem Human-Agent-Tag (bis zu 7 Tage).</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="453"/>
        <source>More than 7 days since the customer&apos;s last message: Instagram does not allow a reply until they write again.</source>
        <translation>Mehr als 7 Tage seit der letzten Nachricht der Kundin oder des Kunden: Instagram erlaubt keine Antwort, bis sie oder er wieder schreibt.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="456"/>
        <source>Too long for Instagram: shorten it by %1 bytes.</source>
        <translation>Zu lang für Instagram: um %1 Bytes kürzen.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="458"/>
        <source>Offline: your message will be sent when the connection is back.</source>
        <translation>Offline: Deine Nachricht wird gesendet, sobald die Verbindung wieder da ist.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="464"/>
        <source>Attach an image, video, audio or PDF (or drop a file here, or paste an image)</source>
        <translation>Bild, Video, Audio oder PDF anhängen (oder eine Datei hierher ziehen oder ein Bild einfügen)</translation>
    </message>
</context>
<context>
    <name>inlet::app::ComposerEdit</name>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="53"/>
        <source>Write a reply… (Enter sends, Shift+Enter for a new line, / for saved replies)</source>
        <translation>Antwort schreiben… (Eingabe sendet, Umschalt+Eingabe für eine neue Zeile, / für gespeicherte Antworten)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="54"/>
        <source>Reply text</source>
        <translation>Antworttext</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/composer.cpp" line="59"/>
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
        <location filename="../src/app/shell/connectivityindicator.cpp" line="79"/>
        <source>No answer in time from %1.</source>
        <translation>Keine rechtzeitige Antwort von %1.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/connectivityindicator.cpp" line="80"/>
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
        <location filename="../src/app/inbox/conversationdelegate.cpp" line="54"/>
        <source>Window open</source>
        <translation>Fenster offen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/conversationdelegate.cpp" line="55"/>
        <source>Window closing soon</source>
        <translation>Fenster schließt bald</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/conversationdelegate.cpp" line="56"/>
        <source>Human agent replies only</source>
        <translation>Nur Antworten von Mitarbeitern</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/conversationdelegate.cpp" line="57"/>
        <source>Window closed</source>
        <translation>Fenster geschlossen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/conversationdelegate.cpp" line="65"/>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/conversationdelegate.cpp" line="69"/>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 Std.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/conversationdelegate.cpp" line="136"/>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
</context>
<context>
    <name>inlet::app::CoreBridge</name>
    <message>
        <location filename="../src/app/shell/corebridge.cpp" line="45"/>
        <source>Receiving webhooks at %1</source>
        <translation>Webhooks werden empfangen unter %1</translation>
    </message>
    <message>
        <location filename="../src/app/shell/corebridge.cpp" line="48"/>
        <source>Syncing conversations: %1 of %2</source>
        <translation>Unterhaltungen werden synchronisiert: %1 von %2</translation>
    </message>
    <message>
        <location filename="../src/app/shell/corebridge.cpp" line="70"/>
        <source>Team mode is not started: %1 (File &gt; Team)</source>
        <translation>Der Team-Modus ist nicht gestartet: %1 (Datei &gt; Team)</translation>
    </message>
    <message>
        <location filename="../src/app/shell/corebridge.cpp" line="81"/>
        <source>The team refused the label “%1” saved while offline; it is back as it was.</source>
        <translation>Das Team hat das offline gespeicherte Label „%1“ abgelehnt; es ist wieder wie vorher.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/corebridge.cpp" line="84"/>
        <source>The team refused deleting the label “%1” while offline; it is back.</source>
        <translation>Das Team hat das Löschen des Labels „%1“ (offline) abgelehnt; es ist wieder da.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/corebridge.cpp" line="87"/>
        <source>The label “%1” put on a conversation while offline was refused by the team (it may have been deleted); it was taken off again.</source>
        <translation>Das offline an eine Unterhaltung gehängte Label „%1“ wurde vom Team abgelehnt (es wurde vielleicht gelöscht); es wurde wieder entfernt.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/corebridge.cpp" line="90"/>
        <source>The team refused taking the label “%1” off a conversation while offline; it is on again.</source>
        <translation>Das Team hat das Entfernen des Labels „%1“ von einer Unterhaltung (offline) abgelehnt; es ist wieder dran.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/corebridge.cpp" line="94"/>
        <source>The team refused the saved reply “%1” saved while offline; it is back as it was.</source>
        <translation>Das Team hat die offline geänderte gespeicherte Antwort „%1“ abgelehnt; sie ist wieder wie vorher.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/corebridge.cpp" line="98"/>
        <source>The team refused deleting the saved reply “%1” while offline; it is back.</source>
        <translation>Das Team hat das Löschen der gespeicherten Antwort „%1“ (offline) abgelehnt; sie ist wieder da.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/corebridge.cpp" line="100"/>
        <source>The team refused a change made while offline; it was undone.</source>
        <translation>Das Team hat eine offline gemachte Änderung abgelehnt; sie wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/corebridge.cpp" line="35"/>
        <source>The sandbox answers again.</source>
        <translation>Die Sandbox antwortet wieder.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/corebridge.cpp" line="36"/>
        <source>Instagram answers again.</source>
        <translation>Instagram antwortet wieder.</translation>
    </message>
</context>
<context>
    <name>inlet::app::ErrorText</name>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="30"/>
        <location filename="../src/app/shell/errortext.cpp" line="41"/>
        <source>the secret</source>
        <translation>das Secret</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="33"/>
        <source>the App Secret</source>
        <translation>das App-Secret</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="35"/>
        <source>the access token</source>
        <translation>das Zugriffstoken</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="37"/>
        <source>the Meta App Secret</source>
        <translation>das Meta-App-Secret</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="39"/>
        <source>the media host token</source>
        <translation>das Token des Medien-Hosts</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="47"/>
        <source>The media host refused the file (HTTP %1).</source>
        <translation>Der Medien-Host hat die Datei abgelehnt (HTTP %1).</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="49"/>
        <source>%1 Check the media host&apos;s token in Settings.</source>
        <translation>%1 Prüf das Token des Medien-Hosts in den Einstellungen.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="51"/>
        <source>%1 The file is too large for it.</source>
        <translation>%1 Die Datei ist zu groß dafür.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="59"/>
        <source>Set the Instagram App ID and the redirect URI in Settings first.</source>
        <translation>Trag zuerst die Instagram-App-ID und die Weiterleitungs-URI in den Einstellungen ein.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="61"/>
        <source>No sign-in is in progress.</source>
        <translation>Es läuft keine Anmeldung.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="63"/>
        <source>This sign-in attempt was already used. Please start again.</source>
        <translation>Dieser Anmeldeversuch wurde schon verwendet. Bitte fang noch einmal an.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="65"/>
        <source>Sign-in was cancelled: access to the Instagram account was not granted.</source>
        <translation>Anmeldung abgebrochen: Der Zugriff auf das Instagram-Konto wurde nicht erlaubt.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="68"/>
        <source>Instagram refused the sign-in (%1).</source>
        <translation>Instagram hat die Anmeldung abgelehnt (%1).</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="70"/>
        <source>The sign-in answer did not belong to this attempt. Please try again.</source>
        <translation>Die Antwort auf die Anmeldung gehörte nicht zu diesem Versuch. Bitte versuch es noch einmal.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="73"/>
        <source>Instagram&apos;s answer carried no sign-in code.</source>
        <translation>Die Antwort von Instagram enthielt keinen Anmeldecode.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="75"/>
        <source>Instagram gave no access token for the sign-in code.</source>
        <translation>Instagram hat für den Anmeldecode kein Zugriffstoken geliefert.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="77"/>
        <source>The permission to manage messages was not granted. Sign in again and keep &quot;Manage messages&quot; ticked.</source>
        <translation>Die Berechtigung, Nachrichten zu verwalten, wurde nicht erteilt. Melde dich erneut an und lass „Nachrichten verwalten“ angehakt.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="80"/>
        <source>Instagram did not say which account signed in.</source>
        <translation>Instagram hat nicht gesagt, welches Konto sich angemeldet hat.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="90"/>
        <source>The keychain does not hold %1 (or the keyring is locked: unlock it and try again).</source>
        <translation>Im Schlüsselbund fehlt %1 (oder der Schlüsselbund ist gesperrt: Entsperr ihn und versuch es noch einmal).</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="94"/>
        <source>The keyring is locked or refused access to %1. Unlock your keyring, or sign in again.</source>
        <translation>Der Schlüsselbund ist gesperrt oder verweigert den Zugriff auf %1. Entsperr deinen Schlüsselbund oder melde dich erneut an.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="98"/>
        <source>No keyring is available on this system, so %1 cannot be kept safely. You can keep it for this session only (in memory).</source>
        <translation>Auf diesem System ist kein Schlüsselbund verfügbar, daher kann %1 nicht sicher aufbewahrt werden. Du kannst es nur für diese Sitzung behalten (im Arbeitsspeicher).</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="102"/>
        <source>The keychain failed while handling %1.</source>
        <translation>Der Schlüsselbund hat beim Zugriff auf %1 versagt.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="112"/>
        <source>The upload was cancelled.</source>
        <translation>Das Hochladen wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="114"/>
        <source>The file cannot be read.</source>
        <translation>Die Datei kann nicht gelesen werden.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/shell/errortext.cpp" line="116"/>
        <source>The media host stopped answering (no progress for %n s).</source>
        <translation>
            <numerusform>Der Medien-Host antwortet nicht mehr (seit %n s kein Fortschritt).</numerusform>
            <numerusform>Der Medien-Host antwortet nicht mehr (seit %n s kein Fortschritt).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="119"/>
        <source>The media host answered HTTP %1.</source>
        <translation>Der Medien-Host hat mit HTTP %1 geantwortet.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="123"/>
        <source>The media host gave an unexpected answer: HTTP %1.</source>
        <translation>Der Medien-Host hat unerwartet geantwortet: HTTP %1.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="125"/>
        <source>The media host could not be reached.</source>
        <translation>Der Medien-Host war nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="127"/>
        <source>The media host redirected the upload more than %1 times.</source>
        <translation>Der Medien-Host hat das Hochladen mehr als %1-mal umgeleitet.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="130"/>
        <source>The media host redirected the upload to another address (%1), which Inlet does not follow: it would get the file and the host&apos;s token. Set the address the host wants as the upload URL in Settings.</source>
        <translation>Der Medien-Host hat das Hochladen an eine andere Adresse (%1) umgeleitet. Inlet folgt dem nicht: Sie bekäme die Datei und das Token des Hosts. Trag die Adresse, die der Host möchte, in den Einstellungen als Upload-URL ein.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="144"/>
        <source>No account or recipient for the message.</source>
        <translation>Die Nachricht hat kein Konto oder keinen Empfänger.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="146"/>
        <source>The message is empty.</source>
        <translation>Die Nachricht ist leer.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="148"/>
        <source>Instagram sends text and an attachment as two messages.</source>
        <translation>Instagram sendet Text und Anhang als zwei Nachrichten.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="150"/>
        <source>The text is too long: %1 bytes, Instagram allows %2.</source>
        <translation>Der Text ist zu lang: %1 Bytes, Instagram erlaubt %2.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="153"/>
        <source>No reaction was given.</source>
        <translation>Es wurde keine Reaktion angegeben.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="156"/>
        <source>Instagram accepts only %1 (love) as a business&apos;s reaction, not %2.</source>
        <translation>Instagram nimmt als Reaktion eines Unternehmens nur %1 (Liebe) an, nicht %2.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="159"/>
        <source>The message no longer exists.</source>
        <translation>Die Nachricht gibt es nicht mehr.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="161"/>
        <source>The message is not on Instagram yet.</source>
        <translation>Die Nachricht ist noch nicht auf Instagram.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="163"/>
        <source>The message was unsent.</source>
        <translation>Die Nachricht wurde zurückgezogen.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="173"/>
        <source>The file is larger than %1.</source>
        <translation>Die Datei ist größer als %1.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="176"/>
        <source>The file is not JSON.</source>
        <translation>Die Datei ist kein JSON.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="178"/>
        <source>The file is not a saved-replies file of Inlet.</source>
        <translation>Die Datei ist keine Datei mit gespeicherten Antworten von Inlet.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="180"/>
        <source>The file was written by a newer Inlet (version %1).</source>
        <translation>Die Datei stammt von einem neueren Inlet (Version %1).</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="182"/>
        <source>The file holds %1 replies, more than the %2 a file may hold.</source>
        <translation>Die Datei enthält %1 Antworten, mehr als die %2, die eine Datei enthalten darf.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="186"/>
        <source>Reply %1 has no title.</source>
        <translation>Antwort %1 hat keinen Titel.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="188"/>
        <source>Reply %1 has no text.</source>
        <translation>Antwort %1 hat keinen Text.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="189"/>
        <source>Reply %1 has a space in its shortcut.</source>
        <translation>Antwort %1 hat ein Leerzeichen im Kürzel.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="199"/>
        <source>Set the App ID before its secret.</source>
        <translation>Trag die App-ID vor ihrem Secret ein.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="201"/>
        <source>Set the Meta App ID before its secret.</source>
        <translation>Trag die Meta-App-ID vor ihrem Secret ein.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="203"/>
        <source>No Meta App ID in Settings: the app-level webhook subscription is left to Meta&apos;s dashboard.</source>
        <translation>Keine Meta-App-ID in den Einstellungen: Das Webhook-Abonnement auf App-Ebene bleibt dem Meta-Dashboard überlassen.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="206"/>
        <source>No Meta App Secret in the keychain: the app-level webhook subscription is left to Meta&apos;s dashboard.</source>
        <translation>Kein Meta-App-Secret im Schlüsselbund: Das Webhook-Abonnement auf App-Ebene bleibt dem Meta-Dashboard überlassen.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="209"/>
        <source>The folder %1 cannot be created.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="221"/>
        <source>The data is locked by another program (another Inlet?).</source>
        <translation>Die Daten sind von einem anderen Programm gesperrt (einem anderen Inlet?).</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="223"/>
        <source>The data file is read-only.</source>
        <translation>Die Datendatei ist schreibgeschützt.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="225"/>
        <source>The disk could not be read or written.</source>
        <translation>Die Festplatte konnte nicht gelesen oder beschrieben werden.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="227"/>
        <source>The data file is damaged.</source>
        <translation>Die Datendatei ist beschädigt.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="229"/>
        <source>The disk is full, or the data reached its size limit.</source>
        <translation>Die Festplatte ist voll, oder die Daten haben ihre Größengrenze erreicht.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="231"/>
        <source>The data file cannot be opened.</source>
        <translation>Die Datendatei kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="233"/>
        <source>The file is not Inlet&apos;s data (it is damaged or of another kind).</source>
        <translation>Die Datei enthält keine Daten von Inlet (sie ist beschädigt oder von anderer Art).</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="235"/>
        <source>The data was written by a newer Inlet.</source>
        <translation>Die Daten stammen von einem neueren Inlet.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="237"/>
        <source>The data could not be read or written.</source>
        <translation>Die Daten konnten nicht gelesen oder geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="247"/>
        <source>The team database cannot be reached; try again once the status bar shows the team connected.</source>
        <translation>Die Team-Datenbank ist nicht erreichbar; versuch es erneut, sobald die Statusleiste das Team als verbunden zeigt.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="251"/>
        <source>Instagram did not answer in time.</source>
        <translation>Instagram hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="252"/>
        <source>Instagram could not be reached.</source>
        <translation>Instagram war nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="255"/>
        <source>Instagram refused the request.</source>
        <translation>Instagram hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="257"/>
        <source>The sign-in failed.</source>
        <translation>Die Anmeldung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="259"/>
        <source>Instagram&apos;s answer could not be read.</source>
        <translation>Die Antwort von Instagram konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="272"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="275"/>
        <source>The team database refused the change.</source>
        <translation>Die Team-Datenbank hat die Änderung abgelehnt.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="276"/>
        <source>Inlet could not do this.</source>
        <translation>Inlet konnte das nicht ausführen.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/errortext.cpp" line="327"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>inlet::app::FailureText</name>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="20"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="40"/>
        <source>an image</source>
        <translation>ein Bild</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="42"/>
        <source>a video</source>
        <translation>ein Video</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="44"/>
        <source>an audio file</source>
        <translation>eine Audiodatei</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="45"/>
        <source>a PDF</source>
        <translation>ein PDF</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="65"/>
        <source>Instagram takes images up to %1; this one is %2.</source>
        <translation>Instagram nimmt Bilder bis %1; dieses hat %2.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="67"/>
        <source>Instagram takes videos up to %1; this one is %2.</source>
        <translation>Instagram nimmt Videos bis %1; dieses hat %2.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="69"/>
        <source>Instagram takes audio files up to %1; this one is %2.</source>
        <translation>Instagram nimmt Audiodateien bis %1; diese hat %2.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="71"/>
        <source>Instagram takes PDF files up to %1; this one is %2.</source>
        <translation>Instagram nimmt PDF-Dateien bis %1; diese hat %2.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="80"/>
        <source>The file %1 no longer exists.</source>
        <translation>Die Datei %1 existiert nicht mehr.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="82"/>
        <source>The file %1 cannot be read.</source>
        <translation>Die Datei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="84"/>
        <source>The file %1 is empty.</source>
        <translation>Die Datei %1 ist leer.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="86"/>
        <source>Instagram takes images (PNG, JPEG, GIF), videos (MP4, OGG, AVI, MOV, WEBM), audio (AAC, M4A, WAV) and PDF files; %1 is %2.</source>
        <translation>Instagram nimmt Bilder (PNG, JPEG, GIF), Videos (MP4, OGG, AVI, MOV, WEBM), Audio (AAC, M4A, WAV) und PDF-Dateien; %1 ist vom Typ „%2“.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="90"/>
        <source>%1 is named like %2 (%3) but its content is not %4.</source>
        <translation>%1 ist wie %2 benannt (%3), aber der Inhalt ist nicht vom Typ „%4“.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="93"/>
        <source>%1 is named like %2 (%3) but contains %4 (%5). Rename it or pick another file.</source>
        <translation>%1 ist wie %2 benannt (%3), enthält aber %4 (%5). Benenne die Datei um oder wähle eine andere.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="100"/>
        <source>Attachments from a file need a media host: Instagram only takes media by public URL. Set one up in Settings.</source>
        <translation>Anhänge aus einer Datei brauchen einen Medien-Host: Instagram nimmt Medien nur über eine öffentliche URL. Richte einen in den Einstellungen ein.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="103"/>
        <source>The file %1 cannot be attached.</source>
        <translation>Die Datei %1 kann nicht angehängt werden.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="115"/>
        <source>Outside the messaging window: the customer&apos;s last message is more than 24 hours old (7 days with the human agent tag). Retry after they write again.</source>
        <translation>Außerhalb des Nachrichtenfensters: Die letzte Nachricht der Kundin oder des Kunden ist älter als 24 Stunden (7 Tage mit dem Human-Agent-Tag). Versuche es erneut, sobald wieder eine Nachricht kommt.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="120"/>
        <source>This person isn&apos;t available right now (blocked the account, deactivated, or not receiving messages).</source>
        <translation>Diese Person ist gerade nicht erreichbar (hat das Konto blockiert, ist deaktiviert oder empfängt keine Nachrichten).</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="125"/>
        <source>Instagram no longer accepts this account&apos;s sign-in. Reconnect the account, then retry.</source>
        <translation>Instagram akzeptiert die Anmeldung dieses Kontos nicht mehr. Verbinde das Konto neu und versuche es dann erneut.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="130"/>
        <source>Instagram is rate limiting this account.</source>
        <translation>Instagram drosselt dieses Konto gerade.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="134"/>
        <source>Instagram could not be reached.</source>
        <translation>Instagram war nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="135"/>
        <source>The media host could not be reached.</source>
        <translation>Der Medien-Host war nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="140"/>
        <source>The account&apos;s token could not be read from the keyring.</source>
        <translation>Das Token des Kontos konnte nicht aus dem Schlüsselbund gelesen werden.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="143"/>
        <source>Instagram refused the message.</source>
        <translation>Instagram hat die Nachricht abgelehnt.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="146"/>
        <source>The media host could not take the attachment.</source>
        <translation>Der Medien-Host konnte den Anhang nicht annehmen.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="149"/>
        <source>The attachment could not be sent.</source>
        <translation>Der Anhang konnte nicht gesendet werden.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="152"/>
        <source>Not sent.</source>
        <translation>Nicht gesendet.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="156"/>
        <source>Not sent after %1 attempts. %2</source>
        <translation>Nach %1 Versuchen nicht gesendet. %2</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="169"/>
        <source>Not saved: the message could not be written to disk.</source>
        <translation>Nicht gespeichert: Die Nachricht konnte nicht auf die Festplatte geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/failuretext.cpp" line="174"/>
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
        <location filename="../src/app/inbox/inboxwidget.cpp" line="64"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="67"/>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/inbox/inboxwidget.cpp" line="68"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="191"/>
        <source>Search messages and contacts (Ctrl+F)</source>
        <translation>Nachrichten und Kontakte durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="193"/>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="195"/>
        <source>Account filter</source>
        <translation>Kontofilter</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="196"/>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="504"/>
        <source>All accounts</source>
        <translation>Alle Konten</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="197"/>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <source>Needs reply</source>
        <translation type="vanished">Antwort nötig</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="204"/>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="224"/>
        <source>Messaging window</source>
        <translation>Nachrichtenfenster</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="238"/>
        <source>Older messages may be missing: Instagram returns only the 20 newest, and more arrived while webhooks were not delivered.</source>
        <translation>Ältere Nachrichten fehlen eventuell: Instagram liefert nur die 20 neuesten, und es kamen mehr an, während keine Webhooks zugestellt wurden.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="245"/>
        <source>Choose a conversation on the left.</source>
        <translation>Wähle links eine Unterhaltung.</translation>
    </message>
    <message>
        <source>Jump to a conversation</source>
        <translation type="vanished">Zu einer Unterhaltung springen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="395"/>
        <source>Search messages and contacts</source>
        <translation>Nachrichten und Kontakte durchsuchen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="396"/>
        <source>Previous conversation</source>
        <translation>Vorherige Unterhaltung</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="397"/>
        <source>Next conversation</source>
        <translation>Nächste Unterhaltung</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="398"/>
        <source>Next unread conversation</source>
        <translation>Nächste ungelesene Unterhaltung</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="399"/>
        <source>Show or hide the contact panel</source>
        <translation>Kontaktbereich ein- oder ausblenden</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="401"/>
        <source>Cancel the reply, clear the search, close the contact panel</source>
        <translation>Antwort abbrechen, Suche leeren, Kontaktbereich schließen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="402"/>
        <source>Send the reply</source>
        <translation>Antwort senden</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="404"/>
        <source>Write an internal note instead of a reply (again: back to the reply)</source>
        <translation>Eine interne Notiz statt einer Antwort schreiben (noch einmal: zurück zur Antwort)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="405"/>
        <source>New line in the reply</source>
        <translation>Neue Zeile in der Antwort</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="406"/>
        <source>Saved replies (at the start of the reply)</source>
        <translation>Gespeicherte Antworten (am Anfang der Antwort)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="408"/>
        <source>Done: out of the inbox until the customer writes again (again: reopen)</source>
        <translation>Erledigt: aus dem Posteingang, bis der Kunde wieder schreibt (nochmals: wieder öffnen)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="410"/>
        <source>Snooze the conversation: in 1 hour, this evening, tomorrow, next week, or a chosen time</source>
        <translation>Unterhaltung zurückstellen: 1 Stunde, heute Abend, morgen, nächste Woche oder ein gewählter Zeitpunkt</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="413"/>
        <source>Mark the conversation as unread</source>
        <translation>Unterhaltung als ungelesen markieren</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="415"/>
        <source>Put labels on the conversation or take them off</source>
        <translation>Labels für die Unterhaltung setzen oder entfernen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="417"/>
        <source>Assign the conversation to an agent or to nobody (team mode)</source>
        <translation>Die Unterhaltung einer Person im Team oder niemandem zuweisen (Team-Modus)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="466"/>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="614"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="619"/>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="735"/>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="752"/>
        <source>%1 left to reply</source>
        <translation>Noch %1 zum Antworten</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="756"/>
        <source>Only %1 left to reply</source>
        <translation>Nur noch %1 zum Antworten</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="760"/>
        <source>Human agent replies only, %1 left</source>
        <translation>Nur Antworten von Mitarbeitern, noch %1</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="764"/>
        <source>Messaging window closed</source>
        <translation>Nachrichtenfenster geschlossen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="773"/>
        <source>Sending is not available: the outbox is not running.</source>
        <translation>Senden ist nicht möglich: der Postausgang läuft nicht.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="783"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="794"/>
        <source>Snoozed until %1</source>
        <translation>Zurückgestellt bis %1</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="802"/>
        <source>%1 · by you</source>
        <translation>%1 · von Ihnen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="803"/>
        <source>%1 · by %2</source>
        <translation>%1 · von %2</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="812"/>
        <source>Send the reply?</source>
        <translation>Antwort senden?</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="875"/>
        <source>%1 is typing a reply</source>
        <translation>%1 schreibt eine Antwort</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="876"/>
        <source>%1 is viewing</source>
        <translation>%1 sieht sich das an</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="902"/>
        <source>%1 replied since you opened this conversation.</source>
        <translation>%1 hat geantwortet, seit Sie diese Unterhaltung geöffnet haben.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="904"/>
        <source>Someone replied from the Instagram app since you opened this conversation.</source>
        <translation>Jemand hat in der Instagram-App geantwortet, seit Sie diese Unterhaltung geöffnet haben.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="906"/>
        <source>%1 is typing a reply to this conversation.</source>
        <translation>%1 schreibt gerade eine Antwort in dieser Unterhaltung.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="907"/>
        <source>Send your reply anyway?</source>
        <translation>Ihre Antwort trotzdem senden?</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="925"/>
        <source>The note was not saved: the team database is not reachable.</source>
        <translation>Die Notiz wurde nicht gespeichert: Die Team-Datenbank ist nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="926"/>
        <source>The note was not saved: %1</source>
        <translation>Die Notiz wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="945"/>
        <source>Edit note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="945"/>
        <source>Note (never sent to the customer):</source>
        <translation>Notiz (wird nie an den Kunden gesendet):</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="955"/>
        <source>The note was not changed: the team database is not reachable.</source>
        <translation>Die Notiz wurde nicht geändert: Die Team-Datenbank ist nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="956"/>
        <source>The note was not changed: %1</source>
        <translation>Die Notiz wurde nicht geändert: %1</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="966"/>
        <source>Delete this note? It cannot be undone.</source>
        <translation>Diese Notiz löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="968"/>
        <source>Delete the note?</source>
        <translation>Notiz löschen?</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="977"/>
        <source>The note was not deleted: the team database is not reachable.</source>
        <translation>Die Notiz wurde nicht gelöscht: Die Team-Datenbank ist nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="978"/>
        <source>The note was not deleted: %1</source>
        <translation>Die Notiz wurde nicht gelöscht: %1</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="986"/>
        <source>Attachments need a media host: Instagram only takes pictures and videos from a public HTTPS address. Set one up in Settings, under Media host.</source>
        <translation>Anhänge brauchen einen Medien-Host: Instagram nimmt Bilder und Videos nur von einer öffentlichen HTTPS-Adresse. Richte ihn in den Einstellungen unter „Medien-Host“ ein.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="390"/>
        <source>Jump to a conversation by contact name or @username</source>
        <translation>Zu einer Unterhaltung springen (Kontaktname oder @Benutzername)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="232"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="271"/>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="291"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="293"/>
        <source>Show or hide the contact panel (%1)</source>
        <translation>Kontaktbereich ein- oder ausblenden (%1)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/inboxwidget.cpp" line="394"/>
        <source>Quick switcher: choose a conversation and open it</source>
        <translation>Schnellwechsler: Unterhaltung auswählen und öffnen</translation>
    </message>
</context>
<context>
    <name>inlet::app::LabelActions</name>
    <message>
        <location filename="../src/app/inbox/labelactions.cpp" line="18"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/labelactions.cpp" line="23"/>
        <source>Put labels on the conversation (%1)</source>
        <translation>Labels für die Unterhaltung setzen (%1)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/labelactions.cpp" line="46"/>
        <source>No labels yet</source>
        <translation>Noch keine Labels</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/labelactions.cpp" line="58"/>
        <source>Manage labels…</source>
        <translation>Labels verwalten…</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/labelactions.cpp" line="68"/>
        <source>The labels could not be changed: %1</source>
        <translation>Die Labels konnten nicht geändert werden: %1</translation>
    </message>
</context>
<context>
    <name>inlet::app::LabelChipsWidget</name>
    <message>
        <location filename="../src/app/inbox/labelchips.cpp" line="94"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
</context>
<context>
    <name>inlet::app::LabelsDialog</name>
    <message>
        <location filename="../ui/labelsdialog.ui" line="15"/>
        <location filename="../ui/labelsdialog.ui" line="31"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../ui/labelsdialog.ui" line="21"/>
        <source>Labels mark conversations so you find them again: each one has a view in the conversation list and can filter it.</source>
        <translation>Labels markieren Unterhaltungen, damit Sie sie wiederfinden: Jedes hat eine Ansicht in der Unterhaltungsliste und kann sie filtern.</translation>
    </message>
    <message>
        <location filename="../ui/labelsdialog.ui" line="40"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/labelsdialog.ui" line="50"/>
        <source>e.g. VIP, Invoice sent, Wholesale</source>
        <translation>z. B. VIP, Rechnung gesendet, Großhandel</translation>
    </message>
    <message>
        <location filename="../ui/labelsdialog.ui" line="57"/>
        <source>&amp;Colour:</source>
        <translation>&amp;Farbe:</translation>
    </message>
    <message>
        <location filename="../ui/labelsdialog.ui" line="69"/>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <location filename="../ui/labelsdialog.ui" line="76"/>
        <source>&amp;Other colour…</source>
        <translation>&amp;Andere Farbe…</translation>
    </message>
    <message>
        <location filename="../ui/labelsdialog.ui" line="96"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/labelsdialog.ui" line="99"/>
        <source>Add a label with this name and colour</source>
        <translation>Ein Label mit diesem Namen und dieser Farbe hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/labelsdialog.ui" line="106"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../ui/labelsdialog.ui" line="109"/>
        <source>Rename or recolour the chosen label</source>
        <translation>Das gewählte Label umbenennen oder umfärben</translation>
    </message>
    <message>
        <location filename="../ui/labelsdialog.ui" line="116"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../ui/labelsdialog.ui" line="119"/>
        <source>Delete the chosen label and take it off every conversation</source>
        <translation>Das gewählte Label löschen und von allen Unterhaltungen entfernen</translation>
    </message>
    <message>
        <location filename="../src/app/settings/labelsdialog.cpp" line="26"/>
        <source>Delete label</source>
        <translation>Label löschen</translation>
    </message>
    <message>
        <location filename="../src/app/settings/labelsdialog.cpp" line="27"/>
        <source>Delete the label “%1”? It comes off every conversation that has it.</source>
        <translation>Das Label „%1“ löschen? Es wird von allen Unterhaltungen entfernt, die es tragen.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/labelsdialog.cpp" line="72"/>
        <source>Give the label a name.</source>
        <translation>Geben Sie dem Label einen Namen.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/labelsdialog.cpp" line="74"/>
        <source>Another label has this name already.</source>
        <translation>Ein anderes Label hat bereits diesen Namen.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/labelsdialog.cpp" line="76"/>
        <source>Choose a colour for the label.</source>
        <translation>Wählen Sie eine Farbe für das Label.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/labelsdialog.cpp" line="78"/>
        <source>This label was deleted meanwhile.</source>
        <translation>Dieses Label wurde inzwischen gelöscht.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/labelsdialog.cpp" line="83"/>
        <source>The labels could not be changed: %1</source>
        <translation>Die Labels konnten nicht geändert werden: %1</translation>
    </message>
    <message>
        <location filename="../src/app/settings/labelsdialog.cpp" line="156"/>
        <source>Label colour</source>
        <translation>Label-Farbe</translation>
    </message>
    <message>
        <location filename="../src/app/settings/labelsdialog.cpp" line="182"/>
        <source>Added “%1”.</source>
        <translation>„%1“ hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/labelsdialog.cpp" line="194"/>
        <source>Saved “%1”.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/labelsdialog.cpp" line="210"/>
        <source>Deleted “%1”.</source>
        <translation>„%1“ gelöscht.</translation>
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
        <location filename="../src/app/login/loginwindow.cpp" line="47"/>
        <source>The sign-in page stopped unexpectedly.</source>
        <translation>Die Anmeldeseite wurde unerwartet beendet.</translation>
    </message>
    <message>
        <location filename="../src/app/login/loginwindow.cpp" line="93"/>
        <source>The sign-in page could not be loaded (%1). Check your connection and the Instagram hosts in the settings.</source>
        <translation>Die Anmeldeseite konnte nicht geladen werden (%1). Prüfe deine Verbindung und die Instagram-Hosts in den Einstellungen.</translation>
    </message>
    <message>
        <location filename="../src/app/login/loginwindow.cpp" line="102"/>
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
        <location filename="../src/app/main.cpp" line="334"/>
        <source>&amp;Webhooks…</source>
        <translation>&amp;Webhooks…</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="339"/>
        <source>Saved &amp;replies…</source>
        <translation>Gespeicherte &amp;Antworten…</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="353"/>
        <source>&amp;Labels…</source>
        <translation>&amp;Labels…</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="369"/>
        <source>&amp;Report…</source>
        <translation>&amp;Bericht…</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="388"/>
        <source>&amp;Team…</source>
        <translation>&amp;Team…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="15"/>
        <location filename="../src/app/shell/mainwindow.cpp" line="255"/>
        <source>Inlet</source>
        <translation>Inlet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="42"/>
        <source>Conversations will appear here.</source>
        <translation>Hier erscheinen die Unterhaltungen.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="64"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="67"/>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="68"/>
        <source>Connected to the local sandbox, not to Instagram</source>
        <translation>Mit der lokalen Sandbox verbunden, nicht mit Instagram</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="99"/>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="103"/>
        <source>Connected @%1.</source>
        <translation>@%1 verbunden.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="108"/>
        <source>@%1 needs to sign in again.</source>
        <translation>@%1 muss sich erneut anmelden.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="113"/>
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
        <location filename="../src/app/shell/mainwindow.cpp" line="154"/>
        <source>About Inlet</source>
        <translation>Über Inlet</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="155"/>
        <source>&lt;b&gt;Inlet %1&lt;/b&gt;&lt;p&gt;Answer your business&apos;s Instagram Direct Messages from the desktop.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Inlet %1&lt;/b&gt;&lt;p&gt;Beantworte die Instagram-Direktnachrichten deines Unternehmens am Desktop.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/shell/mainwindow.cpp" line="254"/>
        <source>Inlet — %n account(s) need sign-in</source>
        <translation>
            <numerusform>Inlet — %n Konto muss sich anmelden</numerusform>
            <numerusform>Inlet — %n Konten müssen sich anmelden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="287"/>
        <source>All accounts: their state, Reconnect, Disconnect, Connect another</source>
        <translation>Alle Konten: ihr Zustand, Neu verbinden, Trennen, weiteres verbinden</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="296"/>
        <source>First enter your Meta app&apos;s Instagram App ID and App Secret.</source>
        <translation>Gib zuerst die Instagram-App-ID und das App-Secret deiner Meta-App ein.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="313"/>
        <location filename="../src/app/shell/sandboxresume.cpp" line="49"/>
        <source>Starting the sandbox…</source>
        <translation>Sandbox wird gestartet…</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="324"/>
        <source>Sign in again as this account to reconnect it.</source>
        <translation>Melde dich erneut mit diesem Konto an, um es wieder zu verbinden.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="359"/>
        <source>Media host token not saved</source>
        <translation>Token des Medien-Hosts nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="366"/>
        <source>App Secret not saved</source>
        <translation>App-Secret nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="369"/>
        <source>The App Secret is in the keychain.</source>
        <translation>Das App-Secret liegt im Schlüsselbund.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="375"/>
        <source>Meta App Secret not saved</source>
        <translation>Meta-App-Secret nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="378"/>
        <source>The Meta App Secret is in the keychain.</source>
        <translation>Das Meta-App-Secret liegt im Schlüsselbund.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="390"/>
        <source>Disconnect @%1</source>
        <translation>@%1 trennen</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="391"/>
        <source>Disconnect @%1 from Inlet? Its access token is deleted from the keychain. What should happen to its stored conversations?</source>
        <translation>@%1 von Inlet trennen? Das Zugriffstoken wird aus dem Schlüsselbund gelöscht. Was soll mit den gespeicherten Unterhaltungen geschehen?</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="395"/>
        <source>Keep messages</source>
        <translation>Nachrichten behalten</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="396"/>
        <source>Delete messages</source>
        <translation>Nachrichten löschen</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="420"/>
        <source>Could not disconnect</source>
        <translation>Trennen nicht möglich</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="423"/>
        <source>@%1 was disconnected.</source>
        <translation>@%1 wurde getrennt.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="431"/>
        <source>Sign-in cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="434"/>
        <location filename="../src/app/shell/mainwindow.cpp" line="435"/>
        <source>Sign-in failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="447"/>
        <source>No keyring</source>
        <translation>Kein Schlüsselbund</translation>
    </message>
    <message>
        <location filename="../src/app/shell/mainwindow.cpp" line="448"/>
        <source>%1

Keep the token for this session only? You will have to sign in again next time.</source>
        <translation>%1

Das Token nur für diese Sitzung behalten? Beim nächsten Start musst du dich erneut anmelden.</translation>
    </message>
</context>
<context>
    <name>inlet::app::MessageDelegate</name>
    <message>
        <location filename="../src/app/inbox/messagedelegate.cpp" line="181"/>
        <source>Image unavailable</source>
        <translation>Bild nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagedelegate.cpp" line="181"/>
        <source>Loading image…</source>
        <translation>Bild wird geladen…</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagedelegate.cpp" line="195"/>
        <source>Open in browser ↗</source>
        <translation>Im Browser öffnen ↗</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagedelegate.cpp" line="236"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagedelegate.cpp" line="237"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagedelegate.cpp" line="240"/>
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
        <location filename="../src/app/inbox/messagelayout.cpp" line="153"/>
        <source>Replying to a message</source>
        <translation>Antwort auf eine Nachricht</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="159"/>
        <source>Replied to your story</source>
        <translation>Hat auf deine Story geantwortet</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="168"/>
        <source>This message was unsent</source>
        <translation>Diese Nachricht wurde zurückgezogen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="247"/>
        <source>Open the story</source>
        <translation>Story öffnen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="291"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="300"/>
        <source>Instagram app</source>
        <translation>Instagram-App</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="305"/>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="307"/>
        <source>Uploading…</source>
        <translation>Wird hochgeladen…</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="323"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="324"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messagelayout.cpp" line="334"/>
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
    <message>
        <location filename="../src/app/inbox/messageview.cpp" line="172"/>
        <source>Edit note…</source>
        <translation>Notiz bearbeiten…</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/messageview.cpp" line="175"/>
        <source>Delete note…</source>
        <translation>Notiz löschen…</translation>
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
        <location filename="../src/app/inbox/quickswitcher.cpp" line="139"/>
        <source>Jump to a conversation</source>
        <translation>Zu einer Unterhaltung springen</translation>
    </message>
    <message>
        <source>Jump to a conversation: type a name or @username</source>
        <translation type="vanished">Zu einer Unterhaltung springen: Namen oder @Benutzernamen eingeben</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/quickswitcher.cpp" line="158"/>
        <source>Jump to a conversation: type a name, @username or label</source>
        <translation>Zu einer Unterhaltung springen: Name, @Benutzername oder Label eingeben</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/quickswitcher.cpp" line="159"/>
        <source>Conversation name</source>
        <translation>Name der Unterhaltung</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/quickswitcher.cpp" line="169"/>
        <source>Matching conversations</source>
        <translation>Passende Unterhaltungen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/quickswitcher.cpp" line="341"/>
        <source>No conversations yet.</source>
        <translation>Noch keine Unterhaltungen.</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/quickswitcher.cpp" line="342"/>
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
        <location filename="../src/app/inbox/reactionnotice.cpp" line="18"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/reactionnotice.cpp" line="19"/>
        <source>Dismiss</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/reactionnotice.cpp" line="22"/>
        <source>Reaction not sent</source>
        <translation>Reaktion nicht gesendet</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/reactionnotice.cpp" line="27"/>
        <source>Send the reaction again</source>
        <translation>Die Reaktion erneut senden</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/reactionnotice.cpp" line="28"/>
        <source>Forget this reaction</source>
        <translation>Diese Reaktion verwerfen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/reactionnotice.cpp" line="63"/>
        <source>Your reaction could not be removed: %1</source>
        <translation>Deine Reaktion konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/reactionnotice.cpp" line="64"/>
        <source>Your reaction %1 could not be sent: %2</source>
        <translation>Deine Reaktion %1 konnte nicht gesendet werden: %2</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/reactionnotice.cpp" line="71"/>
        <source>Retry failed: %1</source>
        <translation>Erneuter Versuch fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/reactionnotice.cpp" line="77"/>
        <source>Could not dismiss: %1</source>
        <translation>Konnte nicht verworfen werden: %1</translation>
    </message>
</context>
<context>
    <name>inlet::app::ReportCharts</name>
    <message>
        <location filename="../src/app/report/reportcharts.cpp" line="47"/>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <location filename="../src/app/report/reportcharts.cpp" line="48"/>
        <source>90th percentile</source>
        <translation>90. Perzentil</translation>
    </message>
    <message>
        <location filename="../src/app/report/reportcharts.cpp" line="64"/>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <location filename="../src/app/report/reportcharts.cpp" line="64"/>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <location filename="../src/app/report/reportcharts.cpp" line="78"/>
        <source>Conversations and messages per day</source>
        <translation>Unterhaltungen und Nachrichten pro Tag</translation>
    </message>
    <message>
        <location filename="../src/app/report/reportcharts.cpp" line="80"/>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <location filename="../src/app/report/reportcharts.cpp" line="82"/>
        <source>Messages received</source>
        <translation>Empfangene Nachrichten</translation>
    </message>
    <message>
        <location filename="../src/app/report/reportcharts.cpp" line="84"/>
        <source>Replies sent</source>
        <translation>Gesendete Antworten</translation>
    </message>
    <message>
        <location filename="../src/app/report/reportcharts.cpp" line="122"/>
        <source>First-response time</source>
        <translation>Zeit bis zur ersten Antwort</translation>
    </message>
    <message>
        <location filename="../src/app/report/reportcharts.cpp" line="134"/>
        <source>Time to Done</source>
        <translation>Zeit bis Erledigt</translation>
    </message>
    <message>
        <location filename="../src/app/report/reportcharts.cpp" line="139"/>
        <source>Replies and the 24-hour window</source>
        <translation>Antworten und das 24-Stunden-Fenster</translation>
    </message>
    <message>
        <location filename="../src/app/report/reportcharts.cpp" line="142"/>
        <source>Inside the window: %1</source>
        <translation>Im Fenster: %1</translation>
    </message>
    <message>
        <location filename="../src/app/report/reportcharts.cpp" line="144"/>
        <source>Outside the window: %1</source>
        <translation>Außerhalb des Fensters: %1</translation>
    </message>
</context>
<context>
    <name>inlet::app::ReportWindow</name>
    <message>
        <location filename="../ui/reportwindow.ui" line="15"/>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <location filename="../ui/reportwindow.ui" line="23"/>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <location filename="../ui/reportwindow.ui" line="33"/>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location filename="../src/app/report/reportwindow.cpp" line="24"/>
        <source>Last %1 days</source>
        <translation>Letzte %1 Tage</translation>
    </message>
    <message>
        <location filename="../src/app/report/reportwindow.cpp" line="74"/>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <location filename="../src/app/report/reportwindow.cpp" line="82"/>
        <source>The report could not be computed: %1</source>
        <translation>Der Bericht konnte nicht berechnet werden: %1</translation>
    </message>
    <message>
        <location filename="../src/app/report/reportwindow.cpp" line="101"/>
        <source>%1 – %2: messages received: %3, replies sent: %4</source>
        <translation>%1 – %2: empfangene Nachrichten: %3, gesendete Antworten: %4</translation>
    </message>
</context>
<context>
    <name>inlet::app::SandboxController</name>
    <message>
        <location filename="../src/app/shell/sandboxcontroller.cpp" line="106"/>
        <source>The sandbox program %1 was not found (looked for %2). Install it with Inlet, or set INLET_SANDBOX to its path.</source>
        <translation>Das Sandbox-Programm %1 wurde nicht gefunden (gesucht: %2). Installiere es mit Inlet oder setze INLET_SANDBOX auf seinen Pfad.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/sandboxcontroller.cpp" line="128"/>
        <source>The sandbox program %1 could not be started: %2</source>
        <translation>Das Sandbox-Programm %1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location filename="../src/app/shell/sandboxcontroller.cpp" line="142"/>
        <source>The sandbox program printed no base URL.</source>
        <translation>Das Sandbox-Programm hat keine Basis-URL ausgegeben.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/sandboxcontroller.cpp" line="167"/>
        <source>The sandbox program stopped before it was ready (exit status %1).</source>
        <translation>Das Sandbox-Programm hat sich beendet, bevor es bereit war (Exit-Status %1).</translation>
    </message>
    <message>
        <location filename="../src/app/shell/sandboxcontroller.cpp" line="192"/>
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
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="59"/>
        <source>Give the reply a title.</source>
        <translation>Gib der Antwort einen Titel.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="61"/>
        <source>Write the reply&apos;s text.</source>
        <translation>Schreib den Text der Antwort.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="63"/>
        <source>A shortcut is one word, without spaces.</source>
        <translation>Ein Kürzel ist ein Wort, ohne Leerzeichen.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="65"/>
        <source>Another saved reply has this shortcut already.</source>
        <translation>Eine andere gespeicherte Antwort hat dieses Kürzel bereits.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="67"/>
        <source>This saved reply was deleted meanwhile.</source>
        <translation>Diese gespeicherte Antwort wurde inzwischen gelöscht.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="73"/>
        <source>The file is not a list of saved replies Inlet can read: %1</source>
        <translation>Die Datei ist keine Liste gespeicherter Antworten, die Inlet lesen kann: %1</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="75"/>
        <source>The saved replies could not be changed: %1</source>
        <translation>Die gespeicherten Antworten konnten nicht geändert werden: %1</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="149"/>
        <source>Saved “%1”.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="166"/>
        <source>Deleted “%1”.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="174"/>
        <source>%1 could not be opened: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="187"/>
        <source>%n saved replies imported (a reply with a shortcut you had replaces yours).</source>
        <translation>
            <numerusform>%n gespeicherte Antwort importiert (eine Antwort mit einem Kürzel, das du schon hattest, ersetzt deine).</numerusform>
            <numerusform>%n gespeicherte Antworten importiert (eine Antwort mit einem Kürzel, das du schon hattest, ersetzt deine).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="197"/>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="202"/>
        <source>%n saved replies exported to %1.</source>
        <translation>
            <numerusform>%n gespeicherte Antwort nach %1 exportiert.</numerusform>
            <numerusform>%n gespeicherte Antworten nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="209"/>
        <source>Import saved replies</source>
        <translation>Gespeicherte Antworten importieren</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="211"/>
        <source>Saved replies (*.json);;All files (*)</source>
        <translation>Gespeicherte Antworten (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="218"/>
        <source>Export saved replies</source>
        <translation>Gespeicherte Antworten exportieren</translation>
    </message>
    <message>
        <location filename="../src/app/settings/savedrepliesdialog.cpp" line="221"/>
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
        <location filename="../src/app/settings/settingsdialog.cpp" line="104"/>
        <location filename="../src/app/settings/settingsdialog.cpp" line="117"/>
        <source>Stored in the keychain; type to replace it</source>
        <translation>Im Schlüsselbund gespeichert; zum Ersetzen eintippen</translation>
    </message>
    <message>
        <location filename="../src/app/settings/settingsdialog.cpp" line="41"/>
        <location filename="../src/app/settings/settingsdialog.cpp" line="104"/>
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
        <location filename="../src/app/settings/settingsdialog.cpp" line="118"/>
        <source>Optional: sent as &quot;Authorization: Bearer&quot;</source>
        <translation>Optional: wird als „Authorization: Bearer“ gesendet</translation>
    </message>
    <message>
        <location filename="../src/app/settings/settingsdialog.cpp" line="140"/>
        <source>The App ID is a number, as shown in the Meta dashboard.</source>
        <translation>Die App-ID ist eine Zahl, wie im Meta-Dashboard angezeigt.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/settingsdialog.cpp" line="145"/>
        <source>The Meta App ID is a number, as shown in the Meta dashboard under App settings &gt; Basic.</source>
        <translation>Die Meta-App-ID ist eine Zahl, wie sie das Meta-Dashboard unter „App settings &gt; Basic“ zeigt.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/settingsdialog.cpp" line="149"/>
        <source>Enter the Meta App ID with its secret.</source>
        <translation>Gib die Meta-App-ID zusammen mit ihrem Secret ein.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/settingsdialog.cpp" line="151"/>
        <source>The redirect URI must be a full http(s) address, exactly as registered in the Meta dashboard.</source>
        <translation>Die Weiterleitungs-URI muss eine vollständige http(s)-Adresse sein, genau wie im Meta-Dashboard eingetragen.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/settingsdialog.cpp" line="155"/>
        <location filename="../src/app/settings/settingsdialog.cpp" line="166"/>
        <source>&quot;%1&quot; is not a valid http(s) address.</source>
        <translation>„%1“ ist keine gültige http(s)-Adresse.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/settingsdialog.cpp" line="158"/>
        <source>The API version must not be empty (e.g. v25.0).</source>
        <translation>Die API-Version darf nicht leer sein (z. B. v25.0).</translation>
    </message>
    <message>
        <location filename="../src/app/settings/settingsdialog.cpp" line="162"/>
        <source>The media host needs both addresses: where Inlet uploads and where Instagram fetches (or neither).</source>
        <translation>Der Medien-Host braucht beide Adressen: wohin Inlet hochlädt und wo Instagram abruft (oder keine).</translation>
    </message>
    <message>
        <location filename="../src/app/settings/settingsdialog.cpp" line="172"/>
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
    <name>inlet::app::TeamConnectAction</name>
    <message>
        <location filename="../src/app/settings/teamconnectaction.cpp" line="27"/>
        <source>The team server has no Instagram app set up yet (inlet-server oauth set).</source>
        <translation>Der Team-Server hat noch keine Instagram-App eingerichtet (inlet-server oauth set).</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamconnectaction.cpp" line="30"/>
        <source>Only a team admin may connect Instagram accounts.</source>
        <translation>Nur ein Team-Admin darf Instagram-Konten verbinden.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamconnectaction.cpp" line="32"/>
        <source>The team server did not answer in time. Is inlet-server running?</source>
        <translation>Der Team-Server hat nicht rechtzeitig geantwortet. Läuft inlet-server?</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamconnectaction.cpp" line="35"/>
        <source>The team server stopped while it connected the account. Please connect it again.</source>
        <translation>Der Team-Server wurde beendet, während er das Konto verband. Bitte verbinde es erneut.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamconnectaction.cpp" line="38"/>
        <source>The sign-in code expired before the team server could use it. Please connect the account again.</source>
        <translation>Der Anmeldecode ist abgelaufen, bevor der Team-Server ihn verwenden konnte. Bitte verbinde das Konto erneut.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamconnectaction.cpp" line="41"/>
        <source>The team server has no Instagram App Secret.</source>
        <translation>Der Team-Server hat kein Instagram App Secret.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamconnectaction.cpp" line="54"/>
        <source>&amp;Connect Instagram account…</source>
        <translation>Instagram-Konto &amp;verbinden…</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamconnectaction.cpp" line="58"/>
        <source>Sign in to an Instagram account; the team server connects it for the team.</source>
        <translation>Melde dich bei einem Instagram-Konto an; der Team-Server verbindet es für das Team.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamconnectaction.cpp" line="61"/>
        <source>Opening Instagram&apos;s login…</source>
        <translation>Instagrams Anmeldung wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamconnectaction.cpp" line="65"/>
        <source>Connecting the account through the team server…</source>
        <translation>Das Konto wird über den Team-Server verbunden…</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamconnectaction.cpp" line="68"/>
        <source>The team server connected the account %1.</source>
        <translation>Der Team-Server hat das Konto %1 verbunden.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamconnectaction.cpp" line="69"/>
        <source>The team server connected @%1.</source>
        <translation>Der Team-Server hat @%1 verbunden.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamconnectaction.cpp" line="73"/>
        <source>Connecting an account was cancelled.</source>
        <translation>Das Verbinden eines Kontos wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamconnectaction.cpp" line="76"/>
        <source>The account could not be connected: %1</source>
        <translation>Das Konto konnte nicht verbunden werden: %1</translation>
    </message>
</context>
<context>
    <name>inlet::app::TeamDialog</name>
    <message>
        <location filename="../ui/teamdialog.ui" line="7"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../ui/teamdialog.ui" line="13"/>
        <source>In team mode Inlet follows your team&apos;s database instead of talking to Instagram itself: the team server receives and sends the messages, and your replies are queued there under your own agent role. Your administrator gives you the connection, your role and its password. The password is kept in the system keychain, never in Inlet&apos;s settings file.</source>
        <translation>Im Team-Modus folgt Inlet der Datenbank Ihres Teams, statt selbst mit Instagram zu sprechen: Der Team-Server empfängt und sendet die Nachrichten, und Ihre Antworten werden dort unter Ihrer eigenen Agentenrolle eingereiht. Verbindung, Rolle und Passwort erhalten Sie von Ihrem Administrator. Das Passwort liegt im Schlüsselbund des Systems, nie in Inlets Einstellungsdatei.</translation>
    </message>
    <message>
        <location filename="../ui/teamdialog.ui" line="32"/>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location filename="../ui/teamdialog.ui" line="45"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location filename="../ui/teamdialog.ui" line="58"/>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <location filename="../ui/teamdialog.ui" line="71"/>
        <source>&amp;Agent role:</source>
        <translation>&amp;Agentenrolle:</translation>
    </message>
    <message>
        <location filename="../ui/teamdialog.ui" line="79"/>
        <source>Your PostgreSQL login role, as your team administrator created it (inlet-server agent add)</source>
        <translation>Ihre PostgreSQL-Anmelderolle, wie Ihr Team-Administrator sie angelegt hat (inlet-server agent add)</translation>
    </message>
    <message>
        <location filename="../ui/teamdialog.ui" line="84"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <location filename="../ui/teamdialog.ui" line="92"/>
        <source>Kept in the system keychain</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/teamdialog.ui" line="97"/>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <location filename="../ui/teamdialog.ui" line="110"/>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <location filename="../ui/teamdialog.ui" line="122"/>
        <source>The certificate of the CA that signed the server&apos;s certificate (PEM)</source>
        <translation>Das Zertifikat der CA, die das Zertifikat des Servers signiert hat (PEM)</translation>
    </message>
    <message>
        <location filename="../ui/teamdialog.ui" line="129"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="31"/>
        <source>Verify the server&apos;s certificate (verify-full)</source>
        <translation>Zertifikat des Servers prüfen (verify-full)</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="33"/>
        <source>Encrypt when the server offers it (this computer only)</source>
        <translation>Verschlüsseln, wenn der Server es anbietet (nur dieser Rechner)</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="34"/>
        <source>No encryption (this computer only)</source>
        <translation>Keine Verschlüsselung (nur dieser Rechner)</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="35"/>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="36"/>
        <source>&amp;Leave team mode</source>
        <translation>Team-Modus &amp;verlassen</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="44"/>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="45"/>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="92"/>
        <source>Enter the host, the database and your agent role.</source>
        <translation>Geben Sie den Host, die Datenbank und Ihre Agentenrolle ein.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="94"/>
        <source>The port must be between 1 and 65535.</source>
        <translation>Der Port muss zwischen 1 und 65535 liegen.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="96"/>
        <source>A database on another computer is reached only over TLS with its certificate verified: choose verify-full and the CA file your administrator gave you.</source>
        <translation>Eine Datenbank auf einem anderen Rechner wird nur über TLS mit geprüftem Zertifikat erreicht: Wählen Sie verify-full und die CA-Datei, die Ihnen Ihr Administrator gegeben hat.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="101"/>
        <source>This connection is not accepted: %1</source>
        <translation>Diese Verbindung wird nicht akzeptiert: %1</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="108"/>
        <source>The database server does not answer. Check the host and the port, and that this computer may reach it.</source>
        <translation>Der Datenbankserver antwortet nicht. Prüfen Sie Host und Port und ob dieser Rechner ihn erreichen darf.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="111"/>
        <source>The TLS connection failed: the server&apos;s certificate was not verified with this CA file, or the server does not offer TLS.</source>
        <translation>Die TLS-Verbindung ist fehlgeschlagen: Das Zertifikat des Servers ließ sich mit dieser CA-Datei nicht prüfen, oder der Server bietet kein TLS an.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="114"/>
        <source>The database refused this agent role or its password.</source>
        <translation>Die Datenbank hat diese Agentenrolle oder ihr Passwort abgelehnt.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="116"/>
        <source>The server answered, but this database does not exist or this role may not use it.</source>
        <translation>Der Server hat geantwortet, aber diese Datenbank existiert nicht oder diese Rolle darf sie nicht verwenden.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="119"/>
        <source>Connected, but this is not an Inlet team database.</source>
        <translation>Verbunden, aber dies ist keine Team-Datenbank von Inlet.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="121"/>
        <source>Connected, but this role is not an Inlet agent. Ask your administrator to add it with inlet-server agent add.</source>
        <translation>Verbunden, aber diese Rolle ist kein Inlet-Agent. Bitten Sie Ihren Administrator, sie mit inlet-server agent add hinzuzufügen.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="124"/>
        <source>The connection test failed.</source>
        <translation>Der Verbindungstest ist fehlgeschlagen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/settings/teamdialog.cpp" line="191"/>
        <source>Connected as %1: %n Instagram account(s) granted to you.</source>
        <translation>
            <numerusform>Verbunden als %1: %n Instagram-Konto/Konten für Sie freigegeben.</numerusform>
            <numerusform>Verbunden als %1: %n Instagram-Konto/Konten für Sie freigegeben.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="233"/>
        <source>Inlet is in solo mode: it talks to Instagram itself.</source>
        <translation>Inlet ist im Solo-Modus: Es spricht selbst mit Instagram.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="244"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="263"/>
        <source>The password could not be stored in the system keychain: %1</source>
        <translation>Das Passwort konnte nicht im Schlüsselbund des Systems gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="272"/>
        <source>Saved. Inlet now follows the team.</source>
        <translation>Gespeichert. Inlet folgt jetzt dem Team.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdialog.cpp" line="283"/>
        <source>Team mode is off: Inlet talks to Instagram itself again.</source>
        <translation>Der Team-Modus ist aus: Inlet spricht wieder selbst mit Instagram.</translation>
    </message>
    <message>
        <source>Saved. Inlet uses team mode from its next start.</source>
        <translation type="vanished">Gespeichert. Inlet verwendet den Team-Modus ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Team mode is off from the next start of Inlet: it then talks to Instagram itself again.</source>
        <translation type="vanished">Der Team-Modus ist ab dem nächsten Start von Inlet aus: Es spricht dann wieder selbst mit Instagram.</translation>
    </message>
</context>
<context>
    <name>inlet::app::TeamDisconnectAction</name>
    <message>
        <location filename="../src/app/settings/teamdisconnectaction.cpp" line="37"/>
        <source>Only a team admin may disconnect Instagram accounts.</source>
        <translation>Nur ein Team-Admin darf Instagram-Konten trennen.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdisconnectaction.cpp" line="39"/>
        <source>The team server does not have this account connected for you (it may have been disconnected already).</source>
        <translation>Der Team-Server hat dieses Konto für dich nicht verbunden (vielleicht wurde es schon getrennt).</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdisconnectaction.cpp" line="42"/>
        <source>The team server had no token for it.</source>
        <translation>Der Team-Server hatte kein Token dafür.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdisconnectaction.cpp" line="44"/>
        <source>The team server did not answer in time. Is inlet-server running?</source>
        <translation>Der Team-Server hat nicht rechtzeitig geantwortet. Läuft inlet-server?</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdisconnectaction.cpp" line="63"/>
        <source>Still disconnecting an account, please wait.</source>
        <translation>Ein Konto wird noch getrennt, bitte warten.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdisconnectaction.cpp" line="70"/>
        <source>Disconnect %1?</source>
        <translation>%1 trennen?</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdisconnectaction.cpp" line="71"/>
        <source>Disconnect %1 from the team?</source>
        <translation>%1 vom Team trennen?</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdisconnectaction.cpp" line="74"/>
        <source>The team server stops Instagram&apos;s webhooks for it and deletes its token. The account and its conversations leave every agent&apos;s Inlet. An admin can connect it again later.</source>
        <translation>Der Team-Server stoppt Instagrams Webhooks dafür und löscht sein Token. Das Konto und seine Unterhaltungen verschwinden aus dem Inlet jedes Agenten. Ein Admin kann es später wieder verbinden.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdisconnectaction.cpp" line="77"/>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdisconnectaction.cpp" line="92"/>
        <source>Disconnecting %1 through the team server…</source>
        <translation>%1 wird über den Team-Server getrennt…</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdisconnectaction.cpp" line="97"/>
        <source>%1 could not be disconnected: %2</source>
        <translation>%1 konnte nicht getrennt werden: %2</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdisconnectaction.cpp" line="102"/>
        <source>The team server disconnected %1.</source>
        <translation>Der Team-Server hat %1 getrennt.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/teamdisconnectaction.cpp" line="104"/>
        <source>The team server disconnected %1, but Instagram could not be told to stop its webhooks (%2); the team server ignores them.</source>
        <translation>Der Team-Server hat %1 getrennt, aber Instagram konnte nicht angewiesen werden, seine Webhooks zu stoppen (%2); der Team-Server ignoriert sie.</translation>
    </message>
</context>
<context>
    <name>inlet::app::TeamIndicator</name>
    <message>
        <location filename="../src/app/shell/teamindicator.cpp" line="26"/>
        <source>Team: connecting as %1…</source>
        <translation>Team: verbinde als %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/shell/teamindicator.cpp" line="29"/>
        <source>Team: connected as %1, %n reply(s) queued</source>
        <translation>
            <numerusform>Team: verbunden als %1, %n Antwort(en) in der Warteschlange</numerusform>
            <numerusform>Team: verbunden als %1, %n Antwort(en) in der Warteschlange</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/shell/teamindicator.cpp" line="30"/>
        <source>Team: connected as %1</source>
        <translation>Team: verbunden als %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/shell/teamindicator.cpp" line="32"/>
        <source>Team: offline, %n reply(s) queued</source>
        <translation>
            <numerusform>Team: offline, %n Antwort(en) in der Warteschlange</numerusform>
            <numerusform>Team: offline, %n Antwort(en) in der Warteschlange</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/shell/teamindicator.cpp" line="33"/>
        <source>Team: offline</source>
        <translation>Team: offline</translation>
    </message>
    <message>
        <location filename="../src/app/shell/teamindicator.cpp" line="35"/>
        <source>Team: no password in the keychain (File &gt; Team)</source>
        <translation>Team: kein Passwort im Schlüsselbund (Datei &gt; Team)</translation>
    </message>
</context>
<context>
    <name>inlet::app::TranscriptActions</name>
    <message>
        <location filename="../src/app/transcript/transcriptactions.cpp" line="65"/>
        <location filename="../src/app/transcript/transcriptactions.cpp" line="80"/>
        <source>&amp;Export conversation…</source>
        <translation>Unterhaltung &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcriptactions.cpp" line="66"/>
        <source>Export &amp;view…</source>
        <translation>&amp;Ansicht exportieren…</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcriptactions.cpp" line="69"/>
        <source>Save the open conversation as a CSV, HTML or PDF file</source>
        <translation>Die geöffnete Unterhaltung als CSV-, HTML- oder PDF-Datei speichern</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcriptactions.cpp" line="72"/>
        <source>Save every conversation of the list&apos;s view and filters as a CSV, HTML or PDF file</source>
        <translation>Alle Unterhaltungen der Ansicht und Filter der Liste als CSV-, HTML- oder PDF-Datei speichern</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcriptactions.cpp" line="108"/>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcriptactions.cpp" line="109"/>
        <source>Web page (*.html *.htm)</source>
        <translation>Webseite (*.html *.htm)</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcriptactions.cpp" line="110"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcriptactions.cpp" line="113"/>
        <location filename="../src/app/transcript/transcriptactions.cpp" line="199"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcriptactions.cpp" line="155"/>
        <source>Conversation with %1</source>
        <translation>Unterhaltung mit %1</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcriptactions.cpp" line="167"/>
        <source>The list is empty: nothing to export.</source>
        <translation>Die Liste ist leer: Es gibt nichts zu exportieren.</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcriptactions.cpp" line="176"/>
        <source>Conversations %1</source>
        <translation>Unterhaltungen %1</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcriptactions.cpp" line="197"/>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcriptactions.cpp" line="197"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/transcript/transcriptactions.cpp" line="220"/>
        <source>Exporting… %1 of %2 conversations, %n message(s)</source>
        <translation>
            <numerusform>Wird exportiert… %1 von %2 Unterhaltungen, %n Nachricht</numerusform>
            <numerusform>Wird exportiert… %1 von %2 Unterhaltungen, %n Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/transcript/transcriptactions.cpp" line="234"/>
        <source>Exported %n conversation(s) to %1</source>
        <translation>
            <numerusform>%n Unterhaltung nach %1 exportiert</numerusform>
            <numerusform>%n Unterhaltungen nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcriptactions.cpp" line="240"/>
        <source>Export cancelled: no file was saved.</source>
        <translation>Export abgebrochen: Es wurde keine Datei gespeichert.</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcriptactions.cpp" line="245"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>inlet::app::TranscriptText</name>
    <message>
        <location filename="../src/app/transcript/transcripttext.cpp" line="13"/>
        <source>Inlet transcript</source>
        <translation>Inlet-Verlauf</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcripttext.cpp" line="14"/>
        <source>Conversation with %1</source>
        <translation>Unterhaltung mit %1</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcripttext.cpp" line="15"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcripttext.cpp" line="16"/>
        <source>Attachment (%1)</source>
        <translation>Anhang (%1)</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcripttext.cpp" line="17"/>
        <source>Reactions: %1</source>
        <translation>Reaktionen: %1</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcripttext.cpp" line="18"/>
        <source>No messages.</source>
        <translation>Keine Nachrichten.</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcripttext.cpp" line="19"/>
        <source>received</source>
        <translation>empfangen</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcripttext.cpp" line="20"/>
        <source>queued</source>
        <translation>in der Warteschlange</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcripttext.cpp" line="21"/>
        <source>sending</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcripttext.cpp" line="22"/>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcripttext.cpp" line="23"/>
        <source>seen</source>
        <translation>gesehen</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcripttext.cpp" line="24"/>
        <source>not sent</source>
        <translation>nicht gesendet</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcripttext.cpp" line="25"/>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcripttext.cpp" line="26"/>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcripttext.cpp" line="36"/>
        <source>Inlet cannot create %1. Choose a folder you can write to.</source>
        <translation>Inlet kann %1 nicht anlegen. Wähle einen Ordner, in den du schreiben darfst.</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcripttext.cpp" line="38"/>
        <source>Writing %1 failed, perhaps because the disk is full. No file was saved.</source>
        <translation>Das Schreiben von %1 ist fehlgeschlagen, vielleicht ist der Datenträger voll. Es wurde keine Datei gespeichert.</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcripttext.cpp" line="41"/>
        <source>%1 could not be replaced. No file was saved.</source>
        <translation>%1 konnte nicht ersetzt werden. Es wurde keine Datei gespeichert.</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcripttext.cpp" line="47"/>
        <source>The messages could not be read from Inlet&apos;s database. No file was saved.</source>
        <translation>Die Nachrichten konnten nicht aus der Datenbank von Inlet gelesen werden. Es wurde keine Datei gespeichert.</translation>
    </message>
    <message>
        <location filename="../src/app/transcript/transcripttext.cpp" line="52"/>
        <source>The export failed: %1. No file was saved.</source>
        <translation>Der Export ist fehlgeschlagen: %1. Es wurde keine Datei gespeichert.</translation>
    </message>
</context>
<context>
    <name>inlet::app::TriageActions</name>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="23"/>
        <source>In 1 hour</source>
        <translation>In 1 Stunde</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="25"/>
        <source>This evening</source>
        <translation>Heute Abend</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="27"/>
        <source>Tomorrow morning</source>
        <translation>Morgen früh</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="29"/>
        <source>Next week</source>
        <translation>Nächste Woche</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="44"/>
        <location filename="../src/app/inbox/triageactions.cpp" line="126"/>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="45"/>
        <location filename="../src/app/inbox/triageactions.cpp" line="128"/>
        <source>Mark as unread</source>
        <translation>Als ungelesen markieren</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="109"/>
        <location filename="../src/app/inbox/triageactions.cpp" line="123"/>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="109"/>
        <location filename="../src/app/inbox/triageactions.cpp" line="123"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="110"/>
        <source>Open the conversation again (%1)</source>
        <translation>Unterhaltung wieder öffnen (%1)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="112"/>
        <source>Done until the customer writes again (%1)</source>
        <translation>Erledigt, bis der Kunde wieder schreibt (%1)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="115"/>
        <source>Snooze until a time (%1)</source>
        <translation>Bis zu einem Zeitpunkt zurückstellen (%1)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="117"/>
        <source>Mark as unread (%1)</source>
        <translation>Als ungelesen markieren (%1)</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="151"/>
        <source>Custom date and time…</source>
        <translation>Eigenes Datum und Uhrzeit…</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="156"/>
        <source>Open now</source>
        <translation>Jetzt öffnen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triageactions.cpp" line="198"/>
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
        <location filename="../ui/triagepanel.ui" line="80"/>
        <source>Label filter</source>
        <translation>Label-Filter</translation>
    </message>
    <message>
        <location filename="../ui/triagepanel.ui" line="83"/>
        <source>Only conversations with this label</source>
        <translation>Nur Unterhaltungen mit diesem Label</translation>
    </message>
    <message>
        <location filename="../ui/triagepanel.ui" line="93"/>
        <source>Date filter</source>
        <translation>Datumsfilter</translation>
    </message>
    <message>
        <location filename="../ui/triagepanel.ui" line="96"/>
        <source>Only conversations with activity in this time</source>
        <translation>Nur Unterhaltungen mit Aktivität in dieser Zeit</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triagepanel.cpp" line="24"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triagepanel.cpp" line="26"/>
        <source>Needs reply</source>
        <translation>Antwort offen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triagepanel.cpp" line="28"/>
        <source>Reply window</source>
        <translation>Antwortfenster</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triagepanel.cpp" line="30"/>
        <source>Snoozed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triagepanel.cpp" line="32"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triagepanel.cpp" line="34"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triagepanel.cpp" line="36"/>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triagepanel.cpp" line="38"/>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triagepanel.cpp" line="85"/>
        <location filename="../src/app/inbox/triagepanel.cpp" line="148"/>
        <source>Any label</source>
        <translation>Alle Labels</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triagepanel.cpp" line="89"/>
        <source>Any time</source>
        <translation>Beliebige Zeit</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triagepanel.cpp" line="90"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triagepanel.cpp" line="91"/>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triagepanel.cpp" line="92"/>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triagepanel.cpp" line="93"/>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location filename="../src/app/inbox/triagepanel.cpp" line="94"/>
        <source>Older than 30 days</source>
        <translation>Älter als 30 Tage</translation>
    </message>
</context>
<context>
    <name>inlet::app::WebhooksDialog</name>
    <message>
        <location filename="../src/app/settings/webhooksdialog.cpp" line="29"/>
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
        <location filename="../src/app/settings/webhooksdialog.cpp" line="42"/>
        <source>Subscribing…</source>
        <translation>Wird abonniert…</translation>
    </message>
    <message>
        <location filename="../src/app/settings/webhooksdialog.cpp" line="89"/>
        <source>(not running: enter the App Secret in Settings)</source>
        <translation>(läuft nicht: trage das App-Secret in den Einstellungen ein)</translation>
    </message>
    <message>
        <location filename="../src/app/settings/webhooksdialog.cpp" line="126"/>
        <source>Meta calls the webhook URL (app-level subscription done).</source>
        <translation>Meta ruft die Webhook-URL auf (Abonnement auf App-Ebene erledigt).</translation>
    </message>
    <message>
        <location filename="../src/app/settings/webhooksdialog.cpp" line="134"/>
        <source>No Meta App ID and Secret in Settings: enter the callback URL and verify token in Meta&apos;s dashboard (Instagram &gt; API setup with Instagram login &gt; Configure webhooks).</source>
        <translation>Keine Meta-App-ID und kein Secret in den Einstellungen: Trag Callback-URL und Verify-Token im Meta-Dashboard ein („Instagram &gt; API setup with Instagram login &gt; Configure webhooks“).</translation>
    </message>
    <message>
        <location filename="../src/app/settings/webhooksdialog.cpp" line="138"/>
        <source>App-level subscription failed: %1 Enter the callback URL and verify token in Meta&apos;s dashboard instead.</source>
        <translation>Abonnement auf App-Ebene fehlgeschlagen: %1 Trag Callback-URL und Verify-Token stattdessen im Meta-Dashboard ein.</translation>
    </message>
    <message>
        <source>App-level subscription failed: %1. Enter the callback URL and verify token in Meta&apos;s dashboard instead.</source>
        <translation type="vanished">Abonnement auf App-Ebene fehlgeschlagen: %1. Trag Callback-URL und Verify-Token stattdessen im Meta-Dashboard ein.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/settings/webhooksdialog.cpp" line="149"/>
        <source>Subscribed: %n account(s) receive webhooks.</source>
        <translation>
            <numerusform>Abonniert: %n Konto empfängt Webhooks.</numerusform>
            <numerusform>Abonniert: %n Konten empfangen Webhooks.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/settings/webhooksdialog.cpp" line="156"/>
        <source>Subscription failed: %1</source>
        <translation>Abonnieren fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../src/app/settings/webhooksdialog.cpp" line="157"/>
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
        <location filename="../src/app/main.cpp" line="88"/>
        <source>Answer your business&apos;s Instagram Direct Messages.

Without options Inlet opens its window on the default profile in %1. Messages live in inlet.sqlite and settings in inlet.ini there; tokens and the App Secret only in the system keychain.</source>
        <translation>Beantworte die Instagram-Direktnachrichten deines Unternehmens.

Ohne Optionen öffnet Inlet sein Fenster mit dem Standardprofil in %1. Nachrichten liegen dort in inlet.sqlite und Einstellungen in inlet.ini; Tokens und das App Secret nur im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="99"/>
        <source>Keep the database and settings in &lt;dir&gt;.</source>
        <translation>Datenbank und Einstellungen in &lt;dir&gt; ablegen.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="102"/>
        <source>Start the sandbox (inlet-sandbox) and sign in to it.</source>
        <translation>Die Sandbox (inlet-sandbox) starten und bei ihr anmelden.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="105"/>
        <source>Run without windows.</source>
        <translation>Ohne Fenster laufen.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="108"/>
        <source>Headless: use the sandbox at &lt;url&gt;.</source>
        <translation>Ohne Fenster: die Sandbox unter &lt;url&gt; verwenden.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="112"/>
        <source>Listen for webhooks on 127.0.0.1:&lt;port&gt;.</source>
        <translation>Webhooks auf 127.0.0.1:&lt;port&gt; empfangen.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="116"/>
        <source>Poll the Conversations API instead of webhooks.</source>
        <translation>Die Conversations API abfragen statt Webhooks zu nutzen.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="119"/>
        <source>Keep secrets in memory only (no keyring).</source>
        <translation>Geheimnisse nur im Arbeitsspeicher halten (kein Schlüsselbund).</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="121"/>
        <source>Headless: follow the team database at &lt;connection&gt; as an agent&apos;s replica.</source>
        <translation>Headless: der Team-Datenbank unter &lt;connection&gt; als Replikat eines Agenten folgen.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="215"/>
        <source>Inlet cannot start</source>
        <translation>Inlet kann nicht starten</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="216"/>
        <source>Inlet could not open its data in %1:

%2</source>
        <translation>Inlet konnte seine Daten in %1 nicht öffnen:

%2</translation>
    </message>
</context>
</TS>
