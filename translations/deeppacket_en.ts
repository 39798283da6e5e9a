<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>deeppacket::ui::AnalysisWizard</name>
    <message numerus="yes">
        <source>The pretrained model knows %n class(es): %1</source>
        <translation>
            <numerusform>The pretrained model knows %n class: %1</numerusform>
            <numerusform>The pretrained model knows %n classes: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;%n capture(s) cannot be read:&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;&lt;p&gt;Go on without them?&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;%n capture cannot be read:&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;&lt;p&gt;Go on without it?&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;%n captures cannot be read:&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;&lt;p&gt;Go on without them?&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Classifying %n capture(s) with %1 (%2, batch %3)%4.</source>
        <translation>
            <numerusform>Classifying %n capture with %1 (%2, batch %3)%4.</numerusform>
            <numerusform>Classifying %n captures with %1 (%2, batch %3)%4.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::ResultsWindow</name>
    <message numerus="yes">
        <source>%n capture(s) could not be read and are not in these results:</source>
        <translation>
            <numerusform>%n capture could not be read and is not in these results:</numerusform>
            <numerusform>%n captures could not be read and are not in these results:</numerusform>
        </translation>
    </message>
</context>
</TS>
