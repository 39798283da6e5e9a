<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QApplication</name>
    <message>
        <source>Encrypted traffic classification</source>
        <translation>Klassifikation verschlüsselten Verkehrs</translation>
    </message>
    <message>
        <source>Capture files or folders to open.</source>
        <translation>Zu öffnende Mitschnittdateien oder Ordner.</translation>
    </message>
</context>
<context>
    <name>QComboBox</name>
    <message>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <source>CUDA (%1)</source>
        <translation>CUDA (%1)</translation>
    </message>
    <message>
        <source>this build&apos;s LibTorch has no CUDA</source>
        <translation>diese LibTorch-Version hat kein CUDA</translation>
    </message>
    <message>
        <source>LibTorch %1, with CUDA</source>
        <translation>LibTorch %1, mit CUDA</translation>
    </message>
    <message>
        <source>LibTorch %1, CPU only</source>
        <translation>LibTorch %1, nur CPU</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht schreiben: %2</translation>
    </message>
    <message>
        <source>%1: writing failed: %2</source>
        <translation>%1: Schreiben fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: cannot save: %2</source>
        <translation>%1: kann nicht speichern: %2</translation>
    </message>
    <message>
        <source>%1: there are no metrics without ground truth</source>
        <translation>%1: ohne wahre Klassen gibt es keine Metriken</translation>
    </message>
    <message>
        <source>%1: there is no confusion matrix without ground truth</source>
        <translation>%1: ohne wahre Klassen gibt es keine Konfusionsmatrix</translation>
    </message>
    <message>
        <source>%1: the size is too small</source>
        <translation>%1: die Größe ist zu klein</translation>
    </message>
    <message>
        <source>macro average</source>
        <translation>Makro-Mittel</translation>
    </message>
    <message>
        <source>weighted average</source>
        <translation>gewichtetes Mittel</translation>
    </message>
    <message>
        <source>packets (%)</source>
        <translation>Pakete (%)</translation>
    </message>
    <message>
        <source>flows (%)</source>
        <translation>Flows (%)</translation>
    </message>
    <message>
        <source>share (%)</source>
        <translation>Anteil (%)</translation>
    </message>
    <message>
        <source>packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>share of the row</source>
        <translation>Anteil der Zeile</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>vorhergesagte Klasse</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>wahre Klasse</translation>
    </message>
    <message>
        <source>height (Ward.D)</source>
        <translation>Höhe (Ward.D)</translation>
    </message>
    <message>
        <source>%1: there is no dendrogram without ground truth</source>
        <translation>%1: ohne Ground Truth gibt es kein Dendrogramm</translation>
    </message>
</context>
<context>
    <name>deeppacket::gui::MainController</name>
    <message>
        <source>The analysis failed: %1</source>
        <translation>Die Analyse ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Das Training ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Open the test split</source>
        <translation>Testanteil öffnen</translation>
    </message>
    <message>
        <source>Show the new model&apos;s test split? It replaces the analysis that is open now.</source>
        <translation>Den Testanteil des neuen Modells anzeigen? Er ersetzt die jetzt geöffnete Analyse.</translation>
    </message>
    <message>
        <source>Running the analysis again…</source>
        <translation>Die Analyse läuft erneut…</translation>
    </message>
    <message>
        <source>Starting the capture on %1…</source>
        <translation>Mitschnitt auf %1 wird gestartet…</translation>
    </message>
    <message>
        <source>The live capture failed: %1</source>
        <translation>Der Live-Mitschnitt ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::AnalysisWizard</name>
    <message>
        <source>A flow model classifies each flow from the sizes, directions and timing of its packets; the packets keep the packet model&apos;s labels beside their flow&apos;s verdict.</source>
        <translation>Ein Flow-Modell klassifiziert jeden Flow anhand der Größen, Richtungen und Zeitabstände seiner Pakete; die Pakete behalten die Klassen des Paketmodells neben dem Urteil über ihren Flow.</translation>
    </message>
    <message>
        <source>&amp;Flow model:</source>
        <translation>&amp;Flow-Modell:</translation>
    </message>
    <message>
        <source>%1 is a flow model: it classifies flows beside a packet model. Choose a packet model here and this one as the flow model.</source>
        <translation>%1 ist ein Flow-Modell: Es klassifiziert Flows neben einem Paketmodell. Wählen Sie hier ein Paketmodell und dieses als Flow-Modell.</translation>
    </message>
    <message>
        <source>None: flows by the vote of their packets</source>
        <translation>Keines: Flows nach dem Votum ihrer Pakete</translation>
    </message>
    <message>
        <source>New analysis</source>
        <translation>Neue Analyse</translation>
    </message>
    <message>
        <source>Captures</source>
        <translation>Mitschnitte</translation>
    </message>
    <message>
        <source>Drop pcap or pcapng files or folders here, or add them. Each file is read to count its packets.</source>
        <translation>pcap- oder pcapng-Dateien oder Ordner hier ablegen oder hinzufügen. Jede Datei wird gelesen, um ihre Pakete zu zählen.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>Link type</source>
        <translation>Link-Typ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>&amp;Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Recent captures…</source>
        <translation>Zuletzt verwendete Mitschnitte…</translation>
    </message>
    <message>
        <source>Add captures</source>
        <translation>Mitschnitte hinzufügen</translation>
    </message>
    <message>
        <source>Captures (*.pcap *.pcapng *.cap);;All files (*)</source>
        <translation>Mitschnitte (*.pcap *.pcapng *.cap);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add a folder of captures</source>
        <translation>Einen Ordner mit Mitschnitten hinzufügen</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>What should each packet be labelled with?</source>
        <translation>Womit soll jedes Paket beschriftet werden?</translation>
    </message>
    <message>
        <source>&amp;Application identification</source>
        <translation>&amp;Anwendungserkennung</translation>
    </message>
    <message>
        <source>&amp;Traffic categorization</source>
        <translation>&amp;Verkehrskategorisierung</translation>
    </message>
    <message>
        <source>&amp;Other</source>
        <translation>&amp;Andere</translation>
    </message>
    <message>
        <source>A task of your own: any model file, whatever its task</source>
        <translation>Eine eigene Aufgabe: jede Modelldatei, gleich welcher Aufgabe</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>A pretrained network for the task, or any Deep Packet model file (.dpm) or TorchScript module with its JSON sidecar.</source>
        <translation>Ein vortrainiertes Netz für die Aufgabe oder eine beliebige Deep-Packet-Modelldatei (.dpm) oder ein TorchScript-Modul mit seiner JSON-Begleitdatei.</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>Modell wählen</translation>
    </message>
    <message>
        <source>Models (*.dpm *.pt *.pth);;All files (*)</source>
        <translation>Modelle (*.dpm *.pt *.pth);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <source>Ground truth (optional)</source>
        <translation>Wahre Klassen (optional)</translation>
    </message>
    <message>
        <source>With true labels, the results include recall, precision and F1, the confusion matrix and the clustering of the classes.</source>
        <translation>Mit den wahren Klassen enthalten die Ergebnisse Recall, Precision und F1, die Konfusionsmatrix und das Clustering der Klassen.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;ISCX VPN-nonVPN file names</source>
        <translation>&amp;Dateinamen von ISCX VPN-nonVPN</translation>
    </message>
    <message>
        <source>Label file</source>
        <translation>Klassendatei</translation>
    </message>
    <message>
        <source>CSV (*.csv);;All files (*)</source>
        <translation>CSV (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>&amp;Cancel run</source>
        <translation>Lauf &amp;abbrechen</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>wird gelesen…</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>&lt;p&gt;No pretrained model for this task was found in:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Choose a model file with &lt;b&gt;Browse…&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Für diese Aufgabe wurde kein vortrainiertes Modell gefunden in:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Wählen Sie eine Modelldatei mit &lt;b&gt;Durchsuchen…&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#a00&apos;&gt;&lt;b&gt;This model cannot be used:&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#a00&apos;&gt;&lt;b&gt;Dieses Modell kann nicht verwendet werden:&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>, scored against %1</source>
        <translation>, bewertet gegen %1</translation>
    </message>
    <message>
        <source>%1 packets classified, %2 packets/s, %3 s elapsed, about %4 s left</source>
        <translation>%1 Pakete klassifiziert, %2 Pakete/s, %3 s vergangen, noch etwa %4 s</translation>
    </message>
    <message>
        <source> Done: press Finish to see the results.</source>
        <translation> Fertig: Klicken Sie auf Fertigstellen, um die Ergebnisse zu sehen.</translation>
    </message>
    <message>
        <source>Captures that cannot be read</source>
        <translation>Nicht lesbare Mitschnitte</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;%n capture(s) cannot be read:&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;&lt;p&gt;Go on without them?&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;%n Mitschnitt kann nicht gelesen werden:&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;&lt;p&gt;Ohne ihn fortfahren?&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;%n Mitschnitte können nicht gelesen werden:&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;&lt;p&gt;Ohne sie fortfahren?&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>A model that holds code</source>
        <translation>Ein Modell, das Code enthält</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; is a TorchScript model: a program. Opening it runs the code inside, which can do anything your account can, such as reading or deleting files.&lt;/p&gt;&lt;p&gt;Run it only if you trust where it came from. Deep Packet model files (.dpm) hold data only.&lt;/p&gt;&lt;p&gt;Run this model&apos;s code?&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; ist ein TorchScript-Modell: ein Programm. Beim Öffnen läuft der Code darin, und er kann alles, was Ihr Konto kann, etwa Dateien lesen oder löschen.&lt;/p&gt;&lt;p&gt;Führen Sie es nur aus, wenn Sie seiner Herkunft vertrauen. Deep-Packet-Modelldateien (.dpm) enthalten nur Daten.&lt;/p&gt;&lt;p&gt;Den Code dieses Modells ausführen?&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 is a TorchScript program and was not trusted: nothing in it was run. Convert it to a .dpm model with deeppacket-cli convert, or choose it again and trust it.</source>
        <translation>%1 ist ein TorchScript-Programm und wurde nicht als vertrauenswürdig bestätigt: nichts darin wurde ausgeführt. Wandeln Sie es mit deeppacket-cli convert in ein .dpm-Modell um, oder wählen Sie es erneut und vertrauen Sie ihm.</translation>
    </message>
    <message numerus="yes">
        <source>The pretrained model knows %n class(es): %1</source>
        <translation>
            <numerusform>Das vortrainierte Modell kennt %n Klasse: %1</numerusform>
            <numerusform>Das vortrainierte Modell kennt %n Klassen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Which application or protocol sent the packet (no pretrained model found: choose a model file)</source>
        <translation>Welche Anwendung oder welches Protokoll das Paket sandte (kein vortrainiertes Modell gefunden: wählen Sie eine Modelldatei)</translation>
    </message>
    <message>
        <source>What kind of traffic it is, and whether it went through a VPN (no pretrained model found: choose a model file)</source>
        <translation>Welche Art von Verkehr es ist und ob er durch ein VPN ging (kein vortrainiertes Modell gefunden: wählen Sie eine Modelldatei)</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>Batc&amp;h size:</source>
        <translation>Stapel&amp;größe:</translation>
    </message>
    <message>
        <source>None: &amp;classify only</source>
        <translation>Keine: nur &amp;klassifizieren</translation>
    </message>
    <message>
        <source>Folder na&amp;mes</source>
        <translation>Ordner&amp;namen</translation>
    </message>
    <message>
        <source>CSV of file &amp;labels (file,label)</source>
        <translation>CSV mit Datei&amp;labels (file,label)</translation>
    </message>
    <message>
        <source>CSV of flo&amp;w labels (src,src_port,dst,dst_port,protocol,label)</source>
        <translation>CSV mit Fl&amp;usslabels (src,src_port,dst,dst_port,protocol,label)</translation>
    </message>
    <message>
        <source>Labels found beside the captures: %1</source>
        <translation>Labels neben den Mitschnitten gefunden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Classifying %n capture(s) with %1 (%2, batch %3)%4.</source>
        <translation>
            <numerusform>%n Mitschnitt wird mit %1 klassifiziert (%2, Stapel %3)%4.</numerusform>
            <numerusform>%n Mitschnitte werden mit %1 klassifiziert (%2, Stapel %3)%4.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::DisplayFilterEdit</name>
    <message>
        <source>Like Wireshark&apos;s display filters, e.g. &lt;code&gt;tcp and len &amp;gt; 100&lt;/code&gt;, &lt;code&gt;ip.addr == 10.8.0.0/16 &amp;amp;&amp;amp; !correct&lt;/code&gt;, &lt;code&gt;label == chat or confidence &amp;lt; 0.5&lt;/code&gt;.</source>
        <translation>Wie die Anzeigefilter von Wireshark, z. B. &lt;code&gt;tcp and len &amp;gt; 100&lt;/code&gt;, &lt;code&gt;ip.addr == 10.8.0.0/16 &amp;amp;&amp;amp; !correct&lt;/code&gt;, &lt;code&gt;label == chat or confidence &amp;lt; 0.5&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>Apply a display filter… (Ctrl+F)</source>
        <translation>Anzeigefilter anwenden… (Strg+F)</translation>
    </message>
    <message>
        <source>%1 (at column %2)</source>
        <translation>%1 (in Spalte %2)</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::Disposition</name>
    <message>
        <source>kept and turned into a vector</source>
        <translation>behalten und zu einem Vektor gemacht</translation>
    </message>
    <message>
        <source>link type not supported</source>
        <translation>Link-Typ nicht unterstützt</translation>
    </message>
    <message>
        <source>not an IPv4 or IPv6 packet</source>
        <translation>kein IPv4- oder IPv6-Paket</translation>
    </message>
    <message>
        <source>capture ends inside the link-layer header</source>
        <translation>Mitschnitt endet im Link-Header</translation>
    </message>
    <message>
        <source>capture ends inside the IP header</source>
        <translation>Mitschnitt endet im IP-Header</translation>
    </message>
    <message>
        <source>invalid IP header</source>
        <translation>ungültiger IP-Header</translation>
    </message>
    <message>
        <source>non-first IP fragment (no transport header)</source>
        <translation>nicht erstes IP-Fragment (kein Transport-Header)</translation>
    </message>
    <message>
        <source>capture ends inside the TCP/UDP header</source>
        <translation>Mitschnitt endet im TCP/UDP-Header</translation>
    </message>
    <message>
        <source>invalid TCP or UDP header</source>
        <translation>ungültiger TCP- oder UDP-Header</translation>
    </message>
    <message>
        <source>DNS, mDNS or LLMNR</source>
        <translation>DNS, mDNS oder LLMNR</translation>
    </message>
    <message>
        <source>TCP segment with SYN/ACK/FIN and no payload</source>
        <translation>TCP-Segment mit SYN/ACK/FIN ohne Nutzdaten</translation>
    </message>
    <message>
        <source>neither TCP nor UDP (excluded by option)</source>
        <translation>weder TCP noch UDP (per Option ausgeschlossen)</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::FlowTableModel</name>
    <message>
        <source>Packet vote</source>
        <translation>Votum der Pakete</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation>Dauer (s)</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Truth</source>
        <translation>Wahrheit</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Still open: the verdict so far, refined as packets arrive</source>
        <translation>Noch offen: das bisherige Urteil, verfeinert mit jedem neuen Paket</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::LiveCaptureDialog</name>
    <message>
        <source>Capture live</source>
        <translation>Live mitschneiden</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>&amp;Refresh interfaces</source>
        <translation>Schnittstellen neu &amp;einlesen</translation>
    </message>
    <message>
        <source>A capture filter, such as: tcp port 443 or udp</source>
        <translation>Ein Mitschnittfilter, etwa: tcp port 443 or udp</translation>
    </message>
    <message>
        <source>libpcap&apos;s capture filter (as in tcpdump and Wireshark&apos;s capture options): only packets it passes are captured. Empty: every packet.</source>
        <translation>Der Mitschnittfilter von libpcap (wie in tcpdump und in den Mitschnittoptionen von Wireshark): nur Pakete, die er durchlässt, werden mitgeschnitten. Leer: alle Pakete.</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Du&amp;rchsuchen…</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>Ein Modell wählen</translation>
    </message>
    <message>
        <source>Deep Packet models (*.dpm);;All files (*)</source>
        <translation>Deep-Packet-Modelle (*.dpm);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source> packets</source>
        <translation> Pakete</translation>
    </message>
    <message>
        <source>The packet table keeps the newest packets only, so that a capture of hours stays within memory (about 100 bytes a packet); every flow&apos;s summary is kept.</source>
        <translation>Die Pakettabelle behält nur die neuesten Pakete, damit ein stundenlanger Mitschnitt in den Speicher passt (etwa 100 Byte je Paket); die Zusammenfassung jedes Flusses bleibt erhalten.</translation>
    </message>
    <message>
        <source>&amp;Promiscuous mode</source>
        <translation>&amp;Promiscuous-Modus</translation>
    </message>
    <message>
        <source>Capture packets addressed to other hosts too</source>
        <translation>Auch Pakete an andere Rechner mitschneiden</translation>
    </message>
    <message>
        <source>Capture &amp;filter:</source>
        <translation>Mitschnitt&amp;filter:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>F&amp;low model:</source>
        <translation>F&amp;lussmodell:</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <source>&amp;Keep the newest:</source>
        <translation>Die neuesten &amp;behalten:</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Interfaces:</source>
        <translation>Sch&amp;nittstellen:</translation>
    </message>
    <message>
        <source>The interfaces cannot be listed: %1</source>
        <translation>Die Schnittstellen lassen sich nicht auflisten: %1</translation>
    </message>
    <message>
        <source>loopback</source>
        <translation>Loopback</translation>
    </message>
    <message>
        <source>down</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>None: flows by the vote of their packets</source>
        <translation>Keins: Flüsse nach der Abstimmung ihrer Pakete</translation>
    </message>
    <message>
        <source>%1 is a TorchScript program: live capture takes Deep Packet models (.dpm). Convert it with deeppacket-cli convert.</source>
        <translation>%1 ist ein TorchScript-Programm: Der Live-Mitschnitt nimmt Deep-Packet-Modelle (.dpm). Wandeln Sie es mit deeppacket-cli convert um.</translation>
    </message>
    <message>
        <source>%1 is a flow model: choose a packet model, and this one as the flow model</source>
        <translation>%1 ist ein Flussmodell: Wählen Sie ein Paketmodell und dieses als Flussmodell</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::ModelCardView</name>
    <message>
        <source>, %1 captures</source>
        <translation>, %1 Mitschnitte</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Macro average</source>
        <translation>Makro-Mittel</translation>
    </message>
    <message>
        <source>Accuracy %1</source>
        <translation>Genauigkeit %1</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>Netz:</translation>
    </message>
    <message>
        <source> (%1 parameters)</source>
        <translation> (%1 Parameter)</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Aufgabe:</translation>
    </message>
    <message>
        <source>It tells apart %1 classes:</source>
        <translation>Es unterscheidet %1 Klassen:</translation>
    </message>
    <message>
        <source>Trained on:</source>
        <translation>Trainiert mit:</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>Aufteilung:</translation>
    </message>
    <message>
        <source>%1, seed %2</source>
        <translation>%1, Seed %2</translation>
    </message>
    <message>
        <source>Made:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>%1 by version %2</source>
        <translation>%1 mit Version %2</translation>
    </message>
    <message>
        <source>vectors of %1 bytes</source>
        <translation>Vektoren aus %1 Bytes</translation>
    </message>
    <message>
        <source>Preprocessing:</source>
        <translation>Vorverarbeitung:</translation>
    </message>
    <message>
        <source>Test scores:</source>
        <translation>Testwerte:</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>keine festgehalten</translation>
    </message>
    <message>
        <source>on the test part of a %1 split</source>
        <translation>auf dem Testteil einer Aufteilung nach %1</translation>
    </message>
    <message>
        <source>Per packet</source>
        <translation>Pro Paket</translation>
    </message>
    <message>
        <source>Per flow</source>
        <translation>Pro Fluss</translation>
    </message>
    <message>
        <source>folder names</source>
        <translation>Ordnernamen</translation>
    </message>
    <message>
        <source>ISCX VPN-nonVPN file names</source>
        <translation>ISCX-VPN-nonVPN-Dateinamen</translation>
    </message>
    <message>
        <source>file labels in %1</source>
        <translation>Dateilabels in %1</translation>
    </message>
    <message>
        <source>flow labels in %1</source>
        <translation>Flusslabels in %1</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::PacketDetailsPane</name>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Frame bytes</source>
        <translation>Frame-Bytes</translation>
    </message>
    <message>
        <source>Network input (what the network saw)</source>
        <translation>Netzeingabe (was das Netz sah)</translation>
    </message>
    <message>
        <source>Show which bytes decided</source>
        <translation>Zeigen, welche Bytes entschieden</translation>
    </message>
    <message>
        <source>Integrated gradients of the predicted class&apos;s log-probability from the all-zero vector: red bytes pushed towards the class, blue away from it.</source>
        <translation>Integrierte Gradienten der Log-Wahrscheinlichkeit der vorhergesagten Klasse ab dem Nullvektor: rote Bytes sprachen für die Klasse, blaue dagegen.</translation>
    </message>
    <message>
        <source>Reading packet %1 from its capture…</source>
        <translation>Paket %1 wird aus seinem Mitschnitt gelesen…</translation>
    </message>
    <message>
        <source>Cannot read the packet</source>
        <translation>Das Paket kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Deep Packet</source>
        <translation>Deep Packet</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Number in the analysis</source>
        <translation>Nummer in der Analyse</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Mitschnitt</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Truth</source>
        <translation>Wahrheit</translation>
    </message>
    <message>
        <source>(not a model class)</source>
        <translation>(keine Klasse des Modells)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Flow verdict (flow model)</source>
        <translation>Flussurteil (Flussmodell)</translation>
    </message>
    <message>
        <source>Flow verdict (vote of its packets)</source>
        <translation>Flussurteil (Abstimmung seiner Pakete)</translation>
    </message>
    <message>
        <source>%1 (%2), flow %3 of %4 packets</source>
        <translation>%1 (%2), Fluss %3 mit %4 Paketen</translation>
    </message>
    <message>
        <source>Network input</source>
        <translation>Netzeingabe</translation>
    </message>
    <message>
        <source>%1 bytes: %2 from the packet, %3 zeroed or masked, %4 inserted, %5 padding</source>
        <translation>%1 Bytes: %2 aus dem Paket, %3 genullt oder maskiert, %4 eingefügt, %5 Auffüllung</translation>
    </message>
    <message>
        <source>Which bytes decided</source>
        <translation>Welche Bytes entschieden</translation>
    </message>
    <message>
        <source>%1: log-probability %2 against %3 for the zero vector</source>
        <translation>%1: Log-Wahrscheinlichkeit %2 gegenüber %3 für den Nullvektor</translation>
    </message>
    <message>
        <source>byte %1 (%2)</source>
        <translation>Byte %1 (%2)</translation>
    </message>
    <message>
        <source>link header, removed</source>
        <translation>Link-Header, entfernt</translation>
    </message>
    <message>
        <source>IP header</source>
        <translation>IP-Header</translation>
    </message>
    <message>
        <source>transport header</source>
        <translation>Transport-Header</translation>
    </message>
    <message>
        <source>payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <source>zeroed address</source>
        <translation>genullte Adresse</translation>
    </message>
    <message>
        <source>masked field</source>
        <translation>maskiertes Feld</translation>
    </message>
    <message>
        <source>12 bytes inserted after UDP</source>
        <translation>12 nach UDP eingefügte Bytes</translation>
    </message>
    <message>
        <source>zero padding</source>
        <translation>Null-Auffüllung</translation>
    </message>
    <message>
        <source>towards %1</source>
        <translation>für %1</translation>
    </message>
    <message>
        <source>away from it</source>
        <translation>dagegen</translation>
    </message>
    <message>
        <source>(attributions add up to %1; the change from the zero vector is %2)</source>
        <translation>(die Attributionen ergeben zusammen %1; die Änderung gegenüber dem Nullvektor ist %2)</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::PacketTableModel</name>
    <message>
        <source>Flow verdict</source>
        <translation>Urteil über den Flow</translation>
    </message>
    <message>
        <source>(not a model class)</source>
        <translation>(keine Klasse des Modells)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Truth</source>
        <translation>Wahrheit</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Frame %1 of %2</source>
        <translation>Frame %1 von %2</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::ResultsWindow</name>
    <message>
        <source>; flow verdicts by %1</source>
        <translation>; Flow-Urteile von %1</translation>
    </message>
    <message>
        <source>Deep Packet</source>
        <translation>Deep Packet</translation>
    </message>
    <message>
        <source>%1 of %2 packets shown</source>
        <translation>%1 von %2 Paketen angezeigt</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Flows</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Show counts</source>
        <translation>Anzahlen zeigen</translation>
    </message>
    <message>
        <source>Per packet</source>
        <translation>Pro Paket</translation>
    </message>
    <message>
        <source>Per flow</source>
        <translation>Pro Flow</translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation>Konfusion</translation>
    </message>
    <message>
        <source>Clusters: </source>
        <translation>Cluster: </translation>
    </message>
    <message>
        <source>Dendrogram</source>
        <translation>Dendrogramm</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>New analysis…</source>
        <translation>Neue Analyse…</translation>
    </message>
    <message>
        <source> Class: </source>
        <translation> Klasse: </translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Alle Klassen</translation>
    </message>
    <message>
        <source>Drop capture files or folders to analyse them</source>
        <translation>Mitschnittdateien oder Ordner ablegen, um sie zu analysieren</translation>
    </message>
    <message>
        <source>&lt;div style=&apos;font-size:20pt; color:#555&apos;&gt;Drop a capture here&lt;/div&gt;&lt;p style=&apos;color:#777&apos;&gt;pcap and pcapng files, or folders of them. Or use &lt;b&gt;New analysis…&lt;/b&gt; to pick files, a task and a model.&lt;/p&gt;</source>
        <translation>&lt;div style=&apos;font-size:20pt; color:#555&apos;&gt;Mitschnitt hier ablegen&lt;/div&gt;&lt;p style=&apos;color:#777&apos;&gt;pcap- und pcapng-Dateien oder Ordner davon. Oder wählen Sie mit &lt;b&gt;Neue Analyse…&lt;/b&gt; Dateien, eine Aufgabe und ein Modell.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;a href=&apos;sample&apos;&gt;Try the bundled sample&lt;/a&gt;: real chat, email, file transfer, streaming, torrent and VoIP traffic, in the clear and through VPNs, with its true labels.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;a href=&apos;sample&apos;&gt;Das mitgelieferte Beispiel ausprobieren&lt;/a&gt;: echter Chat-, E-Mail-, Dateiübertragungs-, Streaming-, Torrent- und VoIP-Verkehr, im Klartext und durch VPNs, mit seinen wahren Klassen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New analysis…</source>
        <translation>&amp;Neue Analyse…</translation>
    </message>
    <message>
        <source>&amp;Open captures…</source>
        <translation>Mitschnitte ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open captures</source>
        <translation>Mitschnitte öffnen</translation>
    </message>
    <message>
        <source>Captures (*.pcap *.pcapng *.cap);;All files (*)</source>
        <translation>Mitschnitte (*.pcap *.pcapng *.cap);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Train a model…</source>
        <translation>Ein Modell &amp;trainieren…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Metrics as CSV…</source>
        <translation>Metriken als CSV…</translation>
    </message>
    <message>
        <source>Confusion matrix as CSV…</source>
        <translation>Konfusionsmatrix als CSV…</translation>
    </message>
    <message>
        <source>Current plot as image…</source>
        <translation>Aktuelles Diagramm als Bild…</translation>
    </message>
    <message>
        <source>HTML report…</source>
        <translation>HTML-Bericht…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Sprache des Systems</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language changes when Deep Packet starts again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Deep Packet.</translation>
    </message>
    <message>
        <source>&amp;About Deep Packet</source>
        <translation>&amp;Über Deep Packet</translation>
    </message>
    <message>
        <source>%1 packets in %2 flows from %3 captures, classified in %4 s on %5</source>
        <translation>%1 Pakete in %2 Flows aus %3 Mitschnitten, klassifiziert in %4 s auf %5</translation>
    </message>
    <message>
        <source>Deep Packet — %1</source>
        <translation>Deep Packet — %1</translation>
    </message>
    <message>
        <source>Filtering…</source>
        <translation>Filtere…</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <source>classified</source>
        <translation>klassifiziert</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>flows</source>
        <translation>Flows</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Rc</source>
        <translation>Rc</translation>
    </message>
    <message>
        <source>Pr</source>
        <translation>Pr</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Flow Rc</source>
        <translation>Flow-Rc</translation>
    </message>
    <message>
        <source>Flow Pr</source>
        <translation>Flow-Pr</translation>
    </message>
    <message>
        <source>Flow F1</source>
        <translation>Flow-F1</translation>
    </message>
    <message>
        <source>Flow support</source>
        <translation>Flow-Anzahl</translation>
    </message>
    <message>
        <source>Macro average</source>
        <translation>Makro-Mittel</translation>
    </message>
    <message>
        <source>Weighted average</source>
        <translation>Gewichtetes Mittel</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Packets and flows per class</source>
        <translation>Pakete und Flows pro Klasse</translation>
    </message>
    <message>
        <source>Confusion matrix (row-normalised)</source>
        <translation>Konfusionsmatrix (zeilennormiert)</translation>
    </message>
    <message>
        <source>Hierarchical clustering (Ward.D)</source>
        <translation>Hierarchisches Clustering (Ward.D)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Width (points)</source>
        <translation>Breite (Punkte)</translation>
    </message>
    <message>
        <source>Height (points)</source>
        <translation>Höhe (Punkte)</translation>
    </message>
    <message>
        <source>Resolution (dpi)</source>
        <translation>Auflösung (dpi)</translation>
    </message>
    <message>
        <source>PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</source>
        <translation>PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>About Deep Packet</source>
        <translation>Über Deep Packet</translation>
    </message>
    <message numerus="yes">
        <source>%n capture(s) could not be read and are not in these results:</source>
        <translation>
            <numerusform>%n Mitschnitt konnte nicht gelesen werden und fehlt in diesen Ergebnissen:</numerusform>
            <numerusform>%n Mitschnitte konnten nicht gelesen werden und fehlen in diesen Ergebnissen:</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;h3&gt;Deep Packet %1&lt;/h3&gt;&lt;p&gt;Encrypted traffic classification with deep learning (stacked autoencoder and 1D CNN), after Lotfollahi et al.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;br&gt;%4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Deep Packet %1&lt;/h3&gt;&lt;p&gt;Klassifikation verschlüsselten Netzwerkverkehrs mit Deep Learning (gestapelter Autoencoder und 1D-CNN), nach Lotfollahi et al.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;br&gt;%4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Follow flow</source>
        <translation>Fluss &amp;folgen</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Run a&amp;gain</source>
        <translation>E&amp;rneut ausführen</translation>
    </message>
    <message>
        <source>&amp;Close analysis</source>
        <translation>Analyse &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Go to packet…</source>
        <translation>Zu &amp;Paket gehen…</translation>
    </message>
    <message>
        <source>Go to packet</source>
        <translation>Zu Paket gehen</translation>
    </message>
    <message>
        <source>Packet number (1 to %1):</source>
        <translation>Paketnummer (1 bis %1):</translation>
    </message>
    <message>
        <source>&amp;Analyze</source>
        <translation>&amp;Analyse</translation>
    </message>
    <message>
        <source>Display &amp;filter</source>
        <translation>Anzeige&amp;filter</translation>
    </message>
    <message>
        <source>&amp;Apply as filter</source>
        <translation>Als Filter &amp;anwenden</translation>
    </message>
    <message>
        <source>F&amp;ollow flow</source>
        <translation>Fluss f&amp;olgen</translation>
    </message>
    <message>
        <source>No recent captures</source>
        <translation>Keine zuletzt geöffneten Mitschnitte</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>There is no packet %1</source>
        <translation>Es gibt kein Paket %1</translation>
    </message>
    <message>
        <source>Packet %1 is hidden by the filters</source>
        <translation>Paket %1 ist durch die Filter ausgeblendet</translation>
    </message>
    <message>
        <source>Select a packet or a flow to follow</source>
        <translation>Wählen Sie ein Paket oder einen Fluss zum Folgen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>A&amp;nsicht</translation>
    </message>
    <message>
        <source>Packet &amp;details</source>
        <translation>Paket&amp;details</translation>
    </message>
    <message>
        <source>Packets shown, as CSV…</source>
        <translation>Angezeigte Pakete als CSV…</translation>
    </message>
    <message>
        <source>Flows shown, as CSV…</source>
        <translation>Angezeigte Flüsse als CSV…</translation>
    </message>
    <message>
        <source>Dendrogram as Newick…</source>
        <translation>Dendrogramm als Newick…</translation>
    </message>
    <message>
        <source>Dendrogram as JSON…</source>
        <translation>Dendrogramm als JSON…</translation>
    </message>
    <message>
        <source>display filter %1</source>
        <translation>Anzeigefilter %1</translation>
    </message>
    <message>
        <source>all %1 packets</source>
        <translation>alle %1 Pakete</translation>
    </message>
    <message>
        <source>the %1 packets shown (%2)</source>
        <translation>die %1 angezeigten Pakete (%2)</translation>
    </message>
    <message>
        <source>all %1 flows</source>
        <translation>alle %1 Flüsse</translation>
    </message>
    <message>
        <source>the %1 flows shown (class %2)</source>
        <translation>die %1 angezeigten Flüsse (Klasse %2)</translation>
    </message>
    <message>
        <source>Saved %1 to %2</source>
        <translation>%1 in %2 gespeichert</translation>
    </message>
    <message>
        <source>Newick (*.nwk)</source>
        <translation>Newick (*.nwk)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Capture live…</source>
        <translation>Live mitschneiden…</translation>
    </message>
    <message>
        <source>&amp;Stop capture</source>
        <translation>Mitschnitt &amp;anhalten</translation>
    </message>
    <message>
        <source>Capture &amp;live…</source>
        <translation>Live &amp;mitschneiden…</translation>
    </message>
    <message>
        <source>Sa&amp;ve capture as…</source>
        <translation>Mitschnitt speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Save the capture</source>
        <translation>Den Mitschnitt speichern</translation>
    </message>
    <message>
        <source>pcapng captures (*.pcapng)</source>
        <translation>pcapng-Mitschnitte (*.pcapng)</translation>
    </message>
    <message>
        <source>&amp;Auto scroll in live capture</source>
        <translation>Beim Live-Mitschnitt &amp;automatisch blättern</translation>
    </message>
    <message>
        <source>Capturing on %1: %2 packets classified (%3/s), %4 flows (%5 open)</source>
        <translation>Mitschnitt auf %1: %2 Pakete klassifiziert (%3/s), %4 Flüsse (%5 offen)</translation>
    </message>
    <message>
        <source>Capture on %1 stopped: %2 packets classified, %3 flows</source>
        <translation>Mitschnitt auf %1 angehalten: %2 Pakete klassifiziert, %3 Flüsse</translation>
    </message>
    <message>
        <source>; the table keeps the newest %1</source>
        <translation>; die Tabelle behält die neuesten %1</translation>
    </message>
    <message>
        <source>; dropped %1 by the kernel, %2 by the interface</source>
        <translation>; verworfen: %1 vom Kernel, %2 von der Schnittstelle</translation>
    </message>
    <message>
        <source>Deep Packet — capturing on %1</source>
        <translation>Deep Packet — Mitschnitt auf %1</translation>
    </message>
    <message>
        <source>There is no stopped live capture to save.</source>
        <translation>Es gibt keinen angehaltenen Live-Mitschnitt zum Speichern.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>Saved the capture as %1</source>
        <translation>Mitschnitt gespeichert als %1</translation>
    </message>
    <message>
        <source>Packet %1 is no longer kept: the table keeps the newest %2 packets</source>
        <translation>Paket %1 ist nicht mehr vorhanden: Die Tabelle behält die neuesten %2 Pakete</translation>
    </message>
    <message>
        <source>open flows</source>
        <translation>offene Flüsse</translation>
    </message>
    <message>
        <source>captured</source>
        <translation>mitgeschnitten</translation>
    </message>
    <message>
        <source>dropped by the kernel</source>
        <translation>vom Kernel verworfen</translation>
    </message>
    <message>
        <source>dropped by the interface</source>
        <translation>von der Schnittstelle verworfen</translation>
    </message>
    <message>
        <source>kept in the table</source>
        <translation>in der Tabelle behalten</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::TrainingWizard</name>
    <message>
        <source>Train a model</source>
        <translation>Ein Modell trainieren</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starte…</translation>
    </message>
    <message>
        <source>Labelled captures</source>
        <translation>Beschriftete Mitschnitte</translation>
    </message>
    <message>
        <source>The captures to learn from (drop files or folders here), and where their true labels come from.</source>
        <translation>Die Mitschnitte zum Lernen (Dateien oder Ordner hier ablegen) und woher ihre wahren Klassen kommen.</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>&amp;Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Captures</source>
        <translation>Mitschnitte</translation>
    </message>
    <message>
        <source>Captures (*.pcap *.pcapng *.cap)</source>
        <translation>Mitschnitte (*.pcap *.pcapng *.cap)</translation>
    </message>
    <message>
        <source>Folder of captures</source>
        <translation>Ordner mit Mitschnitten</translation>
    </message>
    <message>
        <source>Folder names</source>
        <translation>Ordnernamen</translation>
    </message>
    <message>
        <source>ISCX VPN-nonVPN file names</source>
        <translation>Dateinamen von ISCX VPN-nonVPN</translation>
    </message>
    <message>
        <source>CSV of files (file,label)</source>
        <translation>CSV der Dateien (file,label)</translation>
    </message>
    <message>
        <source>CSV of flows (5-tuple,label)</source>
        <translation>CSV der Flows (5-Tupel,label)</translation>
    </message>
    <message>
        <source>&amp;Labels:</source>
        <translation>&amp;Klassen:</translation>
    </message>
    <message>
        <source>&amp;Task name:</source>
        <translation>&amp;Aufgabenname:</translation>
    </message>
    <message>
        <source>Network and options</source>
        <translation>Netz und Optionen</translation>
    </message>
    <message>
        <source>The paper&apos;s networks and procedure (§3.3, §4); a flow split keeps each flow&apos;s packets out of the other sets.</source>
        <translation>Die Netze und das Verfahren der Veröffentlichung (§3.3, §4); eine Aufteilung nach Flows hält die Pakete jedes Flows aus den anderen Mengen heraus.</translation>
    </message>
    <message>
        <source>Stacked autoencoder (SAE)</source>
        <translation>Gestapelter Autoencoder (SAE)</translation>
    </message>
    <message>
        <source>1D convolutional network (CNN)</source>
        <translation>1D-Faltungsnetz (CNN)</translation>
    </message>
    <message>
        <source>By flow (no flow in two sets)</source>
        <translation>Nach Flow (kein Flow in zwei Mengen)</translation>
    </message>
    <message>
        <source>By file</source>
        <translation>Nach Datei</translation>
    </message>
    <message>
        <source>By packet (the paper&apos;s; leaks flows)</source>
        <translation>Nach Paket (wie in der Veröffentlichung; Flows überlappen)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Packets kept per class while reading, drawn at random from all of them: bounds the memory a large capture set needs.</source>
        <translation>Beim Lesen behaltene Pakete pro Klasse, zufällig aus allen gezogen: begrenzt den Speicher, den eine große Mitschnittsammlung braucht.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>Modelldatei</translation>
    </message>
    <message>
        <source>Deep Packet models (*.dpm)</source>
        <translation>Deep-Packet-Modelle (*.dpm)</translation>
    </message>
    <message>
        <source>&amp;Split:</source>
        <translation>&amp;Aufteilung:</translation>
    </message>
    <message>
        <source>&amp;Epochs (at most):</source>
        <translation>&amp;Epochen (höchstens):</translation>
    </message>
    <message>
        <source>&amp;Learning rate:</source>
        <translation>&amp;Lernrate:</translation>
    </message>
    <message>
        <source>&amp;Patience (early stopping):</source>
        <translation>&amp;Geduld (frühes Stoppen):</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <source>&amp;Model file:</source>
        <translation>&amp;Modelldatei:</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>Validierungsgenauigkeit</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>Kreuzentropie</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>&amp;Stop and keep the best model</source>
        <translation>&amp;Anhalten und das beste Modell behalten</translation>
    </message>
    <message>
        <source>Reading the captures: %L1 packets kept (%2 s)</source>
        <translation>Lese die Mitschnitte: %L1 Pakete behalten (%2 s)</translation>
    </message>
    <message>
        <source>Scoring the test split (%1 s)</source>
        <translation>Bewerte die Testmenge (%1 s)</translation>
    </message>
    <message>
        <source>Training: epoch %1 of at most %2 (%3 s)</source>
        <translation>Training: Epoche %1 von höchstens %2 (%3 s)</translation>
    </message>
    <message>
        <source>epoch %1: loss %2, validation loss %3, accuracy %4 (%5 s)</source>
        <translation>Epoche %1: Verlust %2, Validierungsverlust %3, Genauigkeit %4 (%5 s)</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>Done: the model is saved. Press Finish to see its test split in the workspace.</source>
        <translation>Fertig: Das Modell ist gespeichert. Klicken Sie auf Fertigstellen, um seine Testmenge im Arbeitsbereich zu sehen.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
    <message>
        <source>Pre-training layer %1: epoch %2 (%3 s)</source>
        <translation>Vortraining Schicht %1: Epoche %2 (%3 s)</translation>
    </message>
    <message>
        <source>Layer %1, epoch %2: reconstruction MSE %3</source>
        <translation>Schicht %1, Epoche %2: Rekonstruktions-MSE %3</translation>
    </message>
    <message>
        <source>Zero this field of every packet: it identifies a flow, not its traffic (--%1 on the command line).</source>
        <translation>Dieses Feld in jedem Paket auf null setzen: es kennzeichnet einen Fluss, nicht dessen Verkehr (--%1 auf der Kommandozeile).</translation>
    </message>
    <message>
        <source>Fields that identify a flow:</source>
        <translation>Felder, die einen Fluss kennzeichnen:</translation>
    </message>
    <message>
        <source>Label fil&amp;e:</source>
        <translation>Label-&amp;Datei:</translation>
    </message>
    <message>
        <source>Net&amp;work:</source>
        <translation>Ne&amp;tz:</translation>
    </message>
    <message>
        <source>SAE pre-t&amp;raining epochs per layer:</source>
        <translation>SAE-Vor&amp;training, Epochen je Schicht:</translation>
    </message>
    <message>
        <source>Batc&amp;h size:</source>
        <translation>Stapel&amp;größe:</translation>
    </message>
    <message>
        <source>Packets per class (at m&amp;ost):</source>
        <translation>Pakete je Klasse (&amp;höchstens):</translation>
    </message>
    <message>
        <source>addresses zeroed</source>
        <translation>Adressen genullt</translation>
    </message>
    <message>
        <source>IP id masked</source>
        <translation>IP-ID maskiert</translation>
    </message>
    <message>
        <source>checksums masked</source>
        <translation>Prüfsummen maskiert</translation>
    </message>
    <message>
        <source>TCP seq/ack masked</source>
        <translation>TCP-Seq/Ack maskiert</translation>
    </message>
    <message>
        <source>TCP timestamps masked</source>
        <translation>TCP-Zeitstempel maskiert</translation>
    </message>
    <message>
        <source>IPv6 flow label masked</source>
        <translation>IPv6-Flow-Label maskiert</translation>
    </message>
    <message>
        <source>TCP/UDP only</source>
        <translation>nur TCP/UDP</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Packets per class:</source>
        <translation>Pakete je Klasse:</translation>
    </message>
    <message>
        <source>These labels cannot be used: %1</source>
        <translation>Diese Labels sind nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>Counting the packets of each class…</source>
        <translation>Die Pakete jeder Klasse werden gezählt…</translation>
    </message>
    <message>
        <source>no labelled packet</source>
        <translation>kein Paket mit Label</translation>
    </message>
    <message>
        <source>%1 packets have no label and are left out</source>
        <translation>%1 Pakete haben kein Label und bleiben außen vor</translation>
    </message>
    <message>
        <source>At most %1 per class are kept while reading.</source>
        <translation>Beim Lesen werden höchstens %1 je Klasse behalten.</translation>
    </message>
    <message>
        <source>A model needs at least two classes.</source>
        <translation>Ein Modell braucht mindestens zwei Klassen.</translation>
    </message>
    <message>
        <source>Too few packets (under %1) to learn or to score: %2.</source>
        <translation>Zu wenige Pakete (unter %1), um sie zu lernen oder zu bewerten: %2.</translation>
    </message>
</context>
<context>
    <name>ui</name>
    <message>
        <source>%1; the test split of a %2 split (%3 packets)%4</source>
        <translation>%1; die Testmenge einer Aufteilung nach %2 (%3 Pakete)%4</translation>
    </message>
    <message>
        <source>, training stopped early by the user</source>
        <translation>, Training vom Benutzer vorzeitig beendet</translation>
    </message>
</context>
</TS>
