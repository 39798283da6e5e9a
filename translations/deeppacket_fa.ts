<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa">
<context>
    <name>QApplication</name>
    <message>
        <source>Encrypted traffic classification</source>
        <translation>دسته‌بندی ترافیک رمزنگاری‌شده</translation>
    </message>
    <message>
        <source>Capture files or folders to open.</source>
        <translation>فایل‌ها یا پوشه‌های ضبط برای باز کردن.</translation>
    </message>
</context>
<context>
    <name>QComboBox</name>
    <message>
        <source>Auto</source>
        <translation>خودکار</translation>
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
        <translation>LibTorch این نسخه CUDA ندارد</translation>
    </message>
    <message>
        <source>LibTorch %1, with CUDA</source>
        <translation>LibTorch %1، با CUDA</translation>
    </message>
    <message>
        <source>LibTorch %1, CPU only</source>
        <translation>LibTorch %1، فقط CPU</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: نوشتن ممکن نیست: %2</translation>
    </message>
    <message>
        <source>%1: writing failed: %2</source>
        <translation>%1: نوشتن شکست خورد: %2</translation>
    </message>
    <message>
        <source>%1: cannot save: %2</source>
        <translation>%1: ذخیره ممکن نیست: %2</translation>
    </message>
    <message>
        <source>%1: there are no metrics without ground truth</source>
        <translation>%1: بدون برچسب‌های واقعی معیاری وجود ندارد</translation>
    </message>
    <message>
        <source>%1: there is no confusion matrix without ground truth</source>
        <translation>%1: بدون برچسب‌های واقعی ماتریس درهم‌ریختگی وجود ندارد</translation>
    </message>
    <message>
        <source>%1: the size is too small</source>
        <translation>%1: اندازه خیلی کوچک است</translation>
    </message>
    <message>
        <source>macro average</source>
        <translation>میانگین کلان</translation>
    </message>
    <message>
        <source>weighted average</source>
        <translation>میانگین وزنی</translation>
    </message>
    <message>
        <source>packets (%)</source>
        <translation>بسته‌ها (٪)</translation>
    </message>
    <message>
        <source>flows (%)</source>
        <translation>جریان‌ها (٪)</translation>
    </message>
    <message>
        <source>share (%)</source>
        <translation>سهم (٪)</translation>
    </message>
    <message>
        <source>packets</source>
        <translation>بسته‌ها</translation>
    </message>
    <message>
        <source>share of the row</source>
        <translation>سهم از سطر</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>کلاس پیش‌بینی‌شده</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>کلاس واقعی</translation>
    </message>
    <message>
        <source>height (Ward.D)</source>
        <translation>ارتفاع (Ward.D)</translation>
    </message>
    <message>
        <source>%1: there is no dendrogram without ground truth</source>
        <translation>%1: بدون برچسب واقعی دندروگرامی نیست</translation>
    </message>
</context>
<context>
    <name>deeppacket::gui::MainController</name>
    <message>
        <source>The analysis failed: %1</source>
        <translation>تحلیل شکست خورد: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>لغو شد.</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>آموزش شکست خورد: %1</translation>
    </message>
    <message>
        <source>Open the test split</source>
        <translation>باز کردن بخش آزمون</translation>
    </message>
    <message>
        <source>Show the new model&apos;s test split? It replaces the analysis that is open now.</source>
        <translation>بخش آزمون مدل جدید نمایش داده شود؟ جای تحلیلی را که اکنون باز است می‌گیرد.</translation>
    </message>
    <message>
        <source>Running the analysis again…</source>
        <translation>تحلیل دوباره اجرا می‌شود…</translation>
    </message>
    <message>
        <source>Starting the capture on %1…</source>
        <translation>شروع ضبط روی %1…</translation>
    </message>
    <message>
        <source>The live capture failed: %1</source>
        <translation>ضبط زنده شکست خورد: %1</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::AnalysisWizard</name>
    <message>
        <source>A flow model classifies each flow from the sizes, directions and timing of its packets; the packets keep the packet model&apos;s labels beside their flow&apos;s verdict.</source>
        <translation>مدل جریان هر جریان را از اندازه‌ها، جهت‌ها و زمان‌بندی بسته‌هایش دسته‌بندی می‌کند؛ بسته‌ها برچسب‌های مدل بسته را در کنار حکم جریانشان نگه می‌دارند.</translation>
    </message>
    <message>
        <source>&amp;Flow model:</source>
        <translation>مدل &amp;جریان:</translation>
    </message>
    <message>
        <source>%1 is a flow model: it classifies flows beside a packet model. Choose a packet model here and this one as the flow model.</source>
        <translation>%1 یک مدل جریان است: جریان‌ها را در کنار یک مدل بسته دسته‌بندی می‌کند. اینجا یک مدل بسته و این یکی را به عنوان مدل جریان انتخاب کنید.</translation>
    </message>
    <message>
        <source>None: flows by the vote of their packets</source>
        <translation>هیچ: جریان‌ها با رأی بسته‌هایشان</translation>
    </message>
    <message>
        <source>New analysis</source>
        <translation>تحلیل تازه</translation>
    </message>
    <message>
        <source>Captures</source>
        <translation>ضبط‌ها</translation>
    </message>
    <message>
        <source>Drop pcap or pcapng files or folders here, or add them. Each file is read to count its packets.</source>
        <translation>فایل‌ها یا پوشه‌های pcap یا pcapng را اینجا رها کنید یا اضافه کنید. هر فایل خوانده می‌شود تا بسته‌هایش شمرده شوند.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>فایل</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>بسته‌ها</translation>
    </message>
    <message>
        <source>Link type</source>
        <translation>نوع لینک</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>افزودن &amp;فایل‌ها…</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <translation>افزودن &amp;پوشه…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;حذف</translation>
    </message>
    <message>
        <source>Recent captures…</source>
        <translation>ضبط‌های اخیر…</translation>
    </message>
    <message>
        <source>Add captures</source>
        <translation>افزودن ضبط‌ها</translation>
    </message>
    <message>
        <source>Captures (*.pcap *.pcapng *.cap);;All files (*)</source>
        <translation>ضبط‌ها (*.pcap *.pcapng *.cap);;همه فایل‌ها (*)</translation>
    </message>
    <message>
        <source>Add a folder of captures</source>
        <translation>افزودن پوشه‌ای از ضبط‌ها</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>وظیفه</translation>
    </message>
    <message>
        <source>What should each packet be labelled with?</source>
        <translation>هر بسته با چه برچسبی برچسب‌گذاری شود؟</translation>
    </message>
    <message>
        <source>&amp;Application identification</source>
        <translation>شناسایی &amp;برنامه</translation>
    </message>
    <message>
        <source>&amp;Traffic categorization</source>
        <translation>دسته‌بندی &amp;ترافیک</translation>
    </message>
    <message>
        <source>&amp;Other</source>
        <translation>&amp;دیگر</translation>
    </message>
    <message>
        <source>A task of your own: any model file, whatever its task</source>
        <translation>وظیفه‌ای از خودتان: هر فایل مدل، با هر وظیفه‌ای</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>مدل</translation>
    </message>
    <message>
        <source>A pretrained network for the task, or any Deep Packet model file (.dpm) or TorchScript module with its JSON sidecar.</source>
        <translation>یک شبکه از پیش آموزش‌دیده برای این وظیفه، یا هر فایل مدل Deep Packet (.dpm) یا ماژول TorchScript همراه با فایل JSON کناری آن.</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>انتخاب مدل</translation>
    </message>
    <message>
        <source>Models (*.dpm *.pt *.pth);;All files (*)</source>
        <translation>مدل‌ها (*.dpm *.pt *.pth);;همه فایل‌ها (*)</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;دستگاه:</translation>
    </message>
    <message>
        <source>Ground truth (optional)</source>
        <translation>برچسب‌های واقعی (اختیاری)</translation>
    </message>
    <message>
        <source>With true labels, the results include recall, precision and F1, the confusion matrix and the clustering of the classes.</source>
        <translation>با برچسب‌های واقعی، نتایج شامل بازیابی، دقت و F1، ماتریس درهم‌ریختگی و خوشه‌بندی کلاس‌ها می‌شود.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>مرور…</translation>
    </message>
    <message>
        <source>&amp;ISCX VPN-nonVPN file names</source>
        <translation>نام فایل‌های &amp;ISCX VPN-nonVPN</translation>
    </message>
    <message>
        <source>Label file</source>
        <translation>فایل برچسب</translation>
    </message>
    <message>
        <source>CSV (*.csv);;All files (*)</source>
        <translation>CSV (*.csv);;همه فایل‌ها (*)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>اجرا</translation>
    </message>
    <message>
        <source>&amp;Cancel run</source>
        <translation>&amp;لغو اجرا</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>در حال خواندن…</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>درست</translation>
    </message>
    <message>
        <source>&lt;p&gt;No pretrained model for this task was found in:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Choose a model file with &lt;b&gt;Browse…&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;هیچ مدل از پیش آموزش‌دیده‌ای برای این وظیفه پیدا نشد در:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;با &lt;b&gt;مرور…&lt;/b&gt; یک فایل مدل انتخاب کنید.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#a00&apos;&gt;&lt;b&gt;This model cannot be used:&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#a00&apos;&gt;&lt;b&gt;این مدل قابل استفاده نیست:&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>, scored against %1</source>
        <translation>، سنجیده در برابر %1</translation>
    </message>
    <message>
        <source>%1 packets classified, %2 packets/s, %3 s elapsed, about %4 s left</source>
        <translation>%1 بسته دسته‌بندی شد، %2 بسته در ثانیه، %3 ثانیه گذشته، حدود %4 ثانیه مانده</translation>
    </message>
    <message>
        <source> Done: press Finish to see the results.</source>
        <translation> پایان: برای دیدن نتایج، پایان را بزنید.</translation>
    </message>
    <message>
        <source>Captures that cannot be read</source>
        <translation>ضبط‌هایی که خوانده نمی‌شوند</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;%n capture(s) cannot be read:&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;&lt;p&gt;Go on without them?&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;%n ضبط خوانده نمی‌شود:&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;&lt;p&gt;بدون آن‌ها ادامه داده شود؟&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>A model that holds code</source>
        <translation>مدلی که کد دارد</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; is a TorchScript model: a program. Opening it runs the code inside, which can do anything your account can, such as reading or deleting files.&lt;/p&gt;&lt;p&gt;Run it only if you trust where it came from. Deep Packet model files (.dpm) hold data only.&lt;/p&gt;&lt;p&gt;Run this model&apos;s code?&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; یک مدل TorchScript است: یک برنامه. باز کردن آن کدِ درونش را اجرا می‌کند که هر کاری را که حساب شما می‌تواند انجام دهد، مانند خواندن یا پاک کردن پرونده‌ها.&lt;/p&gt;&lt;p&gt;فقط اگر به منبع آن اعتماد دارید اجرایش کنید. پرونده‌های مدل Deep Packet (.dpm) فقط داده دارند.&lt;/p&gt;&lt;p&gt;کد این مدل اجرا شود؟&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 is a TorchScript program and was not trusted: nothing in it was run. Convert it to a .dpm model with deeppacket-cli convert, or choose it again and trust it.</source>
        <translation>%1 یک برنامه TorchScript است و مورد اعتماد قرار نگرفت: هیچ چیز از آن اجرا نشد. با deeppacket-cli convert آن را به مدل .dpm تبدیل کنید، یا دوباره انتخابش کنید و به آن اعتماد کنید.</translation>
    </message>
    <message numerus="yes">
        <source>The pretrained model knows %n class(es): %1</source>
        <translation>
            <numerusform>مدل ازپیش‌آموخته %n کلاس را می‌شناسد: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Which application or protocol sent the packet (no pretrained model found: choose a model file)</source>
        <translation>کدام برنامه یا پروتکل بسته را فرستاد (مدل ازپیش‌آموخته‌ای پیدا نشد: پرونده مدلی برگزینید)</translation>
    </message>
    <message>
        <source>What kind of traffic it is, and whether it went through a VPN (no pretrained model found: choose a model file)</source>
        <translation>چه نوع ترافیکی است و آیا از VPN گذشته است (مدل ازپیش‌آموخته‌ای پیدا نشد: پرونده مدلی برگزینید)</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;مرور…</translation>
    </message>
    <message>
        <source>Batc&amp;h size:</source>
        <translation>اندازه &amp;دسته:</translation>
    </message>
    <message>
        <source>None: &amp;classify only</source>
        <translation>هیچ: فقط &amp;دسته‌بندی</translation>
    </message>
    <message>
        <source>Folder na&amp;mes</source>
        <translation>&amp;نام پوشه‌ها</translation>
    </message>
    <message>
        <source>CSV of file &amp;labels (file,label)</source>
        <translation>CSV &amp;برچسب پرونده‌ها (file,label)</translation>
    </message>
    <message>
        <source>CSV of flo&amp;w labels (src,src_port,dst,dst_port,protocol,label)</source>
        <translation>CSV برچسب &amp;جریان‌ها (src,src_port,dst,dst_port,protocol,label)</translation>
    </message>
    <message>
        <source>Labels found beside the captures: %1</source>
        <translation>برچسب‌هایی کنار ضبط‌ها پیدا شد: %1</translation>
    </message>
    <message numerus="yes">
        <source>Classifying %n capture(s) with %1 (%2, batch %3)%4.</source>
        <translation>
            <numerusform>دسته‌بندی %n ضبط با %1 (%2، دسته %3)%4.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::DisplayFilterEdit</name>
    <message>
        <source>Like Wireshark&apos;s display filters, e.g. &lt;code&gt;tcp and len &amp;gt; 100&lt;/code&gt;, &lt;code&gt;ip.addr == 10.8.0.0/16 &amp;amp;&amp;amp; !correct&lt;/code&gt;, &lt;code&gt;label == chat or confidence &amp;lt; 0.5&lt;/code&gt;.</source>
        <translation>مانند فیلترهای نمایش Wireshark، برای نمونه &lt;code&gt;tcp and len &amp;gt; 100&lt;/code&gt;، &lt;code&gt;ip.addr == 10.8.0.0/16 &amp;amp;&amp;amp; !correct&lt;/code&gt;، &lt;code&gt;label == chat or confidence &amp;lt; 0.5&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>Apply a display filter… (Ctrl+F)</source>
        <translation>اعمال فیلتر نمایش… (Ctrl+F)</translation>
    </message>
    <message>
        <source>%1 (at column %2)</source>
        <translation>%1 (در ستون %2)</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::Disposition</name>
    <message>
        <source>kept and turned into a vector</source>
        <translation>نگه داشته و به بردار تبدیل شد</translation>
    </message>
    <message>
        <source>link type not supported</source>
        <translation>نوع پیوند پشتیبانی نمی‌شود</translation>
    </message>
    <message>
        <source>not an IPv4 or IPv6 packet</source>
        <translation>بسته IPv4 یا IPv6 نیست</translation>
    </message>
    <message>
        <source>capture ends inside the link-layer header</source>
        <translation>ضبط درون سرآیند لایه پیوند تمام می‌شود</translation>
    </message>
    <message>
        <source>capture ends inside the IP header</source>
        <translation>ضبط درون سرآیند IP تمام می‌شود</translation>
    </message>
    <message>
        <source>invalid IP header</source>
        <translation>سرآیند IP نامعتبر</translation>
    </message>
    <message>
        <source>non-first IP fragment (no transport header)</source>
        <translation>قطعه غیرنخست IP (بدون سرآیند انتقال)</translation>
    </message>
    <message>
        <source>capture ends inside the TCP/UDP header</source>
        <translation>ضبط درون سرآیند TCP/UDP تمام می‌شود</translation>
    </message>
    <message>
        <source>invalid TCP or UDP header</source>
        <translation>سرآیند TCP یا UDP نامعتبر</translation>
    </message>
    <message>
        <source>DNS, mDNS or LLMNR</source>
        <translation>DNS، mDNS یا LLMNR</translation>
    </message>
    <message>
        <source>TCP segment with SYN/ACK/FIN and no payload</source>
        <translation>قطعه TCP با SYN/ACK/FIN و بدون محموله</translation>
    </message>
    <message>
        <source>neither TCP nor UDP (excluded by option)</source>
        <translation>نه TCP و نه UDP (با گزینه کنار گذاشته شد)</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::FlowTableModel</name>
    <message>
        <source>Packet vote</source>
        <translation>رأی بسته‌ها</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>جریان</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>مبدأ</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>مقصد</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>پروتکل</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>بسته‌ها</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>بایت‌ها</translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation>مدت (ثانیه)</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>حکم</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>اطمینان</translation>
    </message>
    <message>
        <source>Truth</source>
        <translation>برچسب واقعی</translation>
    </message>
    <message>
        <source>File</source>
        <translation>فایل</translation>
    </message>
    <message>
        <source>Still open: the verdict so far, refined as packets arrive</source>
        <translation>هنوز باز: حکم تا اینجا، که با رسیدن بسته‌ها دقیق‌تر می‌شود</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::LiveCaptureDialog</name>
    <message>
        <source>Capture live</source>
        <translation>ضبط زنده</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>رابط</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>نشانی‌ها</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>توضیح</translation>
    </message>
    <message>
        <source>&amp;Refresh interfaces</source>
        <translation>&amp;نوسازی رابط‌ها</translation>
    </message>
    <message>
        <source>A capture filter, such as: tcp port 443 or udp</source>
        <translation>یک پالایهٔ ضبط، مانند: tcp port 443 or udp</translation>
    </message>
    <message>
        <source>libpcap&apos;s capture filter (as in tcpdump and Wireshark&apos;s capture options): only packets it passes are captured. Empty: every packet.</source>
        <translation>پالایهٔ ضبط libpcap (مانند tcpdump و گزینه‌های ضبط Wireshark): تنها بسته‌هایی که از آن بگذرند ضبط می‌شوند. خالی: همهٔ بسته‌ها.</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;مرور…</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>انتخاب یک مدل</translation>
    </message>
    <message>
        <source>Deep Packet models (*.dpm);;All files (*)</source>
        <translation>مدل‌های Deep Packet (*.dpm);;همهٔ فایل‌ها (*)</translation>
    </message>
    <message>
        <source> packets</source>
        <translation> بسته</translation>
    </message>
    <message>
        <source>The packet table keeps the newest packets only, so that a capture of hours stays within memory (about 100 bytes a packet); every flow&apos;s summary is kept.</source>
        <translation>جدول بسته‌ها تنها تازه‌ترین بسته‌ها را نگه می‌دارد تا ضبطی چندساعته در حافظه بگنجد (حدود ۱۰۰ بایت برای هر بسته)؛ خلاصهٔ همهٔ جریان‌ها نگه داشته می‌شود.</translation>
    </message>
    <message>
        <source>&amp;Promiscuous mode</source>
        <translation>حالت &amp;بی‌قید</translation>
    </message>
    <message>
        <source>Capture packets addressed to other hosts too</source>
        <translation>بسته‌های فرستاده‌شده به میزبان‌های دیگر را هم ضبط کن</translation>
    </message>
    <message>
        <source>Capture &amp;filter:</source>
        <translation>&amp;پالایهٔ ضبط:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>مد&amp;ل:</translation>
    </message>
    <message>
        <source>F&amp;low model:</source>
        <translation>مدل &amp;جریان:</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;دستگاه:</translation>
    </message>
    <message>
        <source>&amp;Keep the newest:</source>
        <translation>نگه‌داشتن &amp;تازه‌ترین‌ها:</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;شروع</translation>
    </message>
    <message>
        <source>&amp;Interfaces:</source>
        <translation>&amp;رابط‌ها:</translation>
    </message>
    <message>
        <source>The interfaces cannot be listed: %1</source>
        <translation>رابط‌ها را نمی‌توان فهرست کرد: %1</translation>
    </message>
    <message>
        <source>loopback</source>
        <translation>حلقهٔ بازگشت</translation>
    </message>
    <message>
        <source>down</source>
        <translation>غیرفعال</translation>
    </message>
    <message>
        <source>None: flows by the vote of their packets</source>
        <translation>هیچ: جریان‌ها با رأی بسته‌هایشان</translation>
    </message>
    <message>
        <source>%1 is a TorchScript program: live capture takes Deep Packet models (.dpm). Convert it with deeppacket-cli convert.</source>
        <translation>%1 یک برنامهٔ TorchScript است: ضبط زنده مدل‌های Deep Packet (.dpm) را می‌پذیرد. آن را با deeppacket-cli convert تبدیل کنید.</translation>
    </message>
    <message>
        <source>%1 is a flow model: choose a packet model, and this one as the flow model</source>
        <translation>%1 یک مدل جریان است: یک مدل بسته برگزینید و این یکی را به‌عنوان مدل جریان</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::ModelCardView</name>
    <message>
        <source>, %1 captures</source>
        <translation>، %1 ضبط</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>کلاس</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>بازخوانی</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>دقت</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>پشتیبانی</translation>
    </message>
    <message>
        <source>Macro average</source>
        <translation>میانگین کلان</translation>
    </message>
    <message>
        <source>Accuracy %1</source>
        <translation>صحت %1</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>شبکه:</translation>
    </message>
    <message>
        <source> (%1 parameters)</source>
        <translation> (%1 پارامتر)</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>وظیفه:</translation>
    </message>
    <message>
        <source>It tells apart %1 classes:</source>
        <translation>%1 کلاس را از هم تشخیص می‌دهد:</translation>
    </message>
    <message>
        <source>Trained on:</source>
        <translation>آموزش‌دیده روی:</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>تقسیم:</translation>
    </message>
    <message>
        <source>%1, seed %2</source>
        <translation>%1، بذر %2</translation>
    </message>
    <message>
        <source>Made:</source>
        <translation>ساخته‌شده:</translation>
    </message>
    <message>
        <source>%1 by version %2</source>
        <translation>%1 با نسخه %2</translation>
    </message>
    <message>
        <source>vectors of %1 bytes</source>
        <translation>بردارهای %1 بایتی</translation>
    </message>
    <message>
        <source>Preprocessing:</source>
        <translation>پیش‌پردازش:</translation>
    </message>
    <message>
        <source>Test scores:</source>
        <translation>امتیازهای آزمون:</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>ثبت نشده</translation>
    </message>
    <message>
        <source>on the test part of a %1 split</source>
        <translation>روی بخش آزمون یک تقسیم %1</translation>
    </message>
    <message>
        <source>Per packet</source>
        <translation>به ازای بسته</translation>
    </message>
    <message>
        <source>Per flow</source>
        <translation>به ازای جریان</translation>
    </message>
    <message>
        <source>folder names</source>
        <translation>نام پوشه‌ها</translation>
    </message>
    <message>
        <source>ISCX VPN-nonVPN file names</source>
        <translation>نام پرونده‌های ISCX VPN-nonVPN</translation>
    </message>
    <message>
        <source>file labels in %1</source>
        <translation>برچسب پرونده‌ها در %1</translation>
    </message>
    <message>
        <source>flow labels in %1</source>
        <translation>برچسب جریان‌ها در %1</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::PacketDetailsPane</name>
    <message>
        <source>Field</source>
        <translation>فیلد</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>مقدار</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>کلاس</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>احتمال</translation>
    </message>
    <message>
        <source>Frame bytes</source>
        <translation>بایت‌های قاب</translation>
    </message>
    <message>
        <source>Network input (what the network saw)</source>
        <translation>ورودی شبکه (آنچه شبکه دید)</translation>
    </message>
    <message>
        <source>Show which bytes decided</source>
        <translation>نمایش بایت‌هایی که تصمیم را ساختند</translation>
    </message>
    <message>
        <source>Integrated gradients of the predicted class&apos;s log-probability from the all-zero vector: red bytes pushed towards the class, blue away from it.</source>
        <translation>گرادیان‌های انتگرالی لگاریتم احتمال کلاس پیش‌بینی‌شده از بردار تمام‌صفر: بایت‌های قرمز به سوی کلاس راندند و آبی‌ها دور از آن.</translation>
    </message>
    <message>
        <source>Reading packet %1 from its capture…</source>
        <translation>بسته %1 از ضبطش خوانده می‌شود…</translation>
    </message>
    <message>
        <source>Cannot read the packet</source>
        <translation>بسته خوانده نمی‌شود</translation>
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
        <translation>شماره در تحلیل</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>ضبط</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>برچسب</translation>
    </message>
    <message>
        <source>Truth</source>
        <translation>برچسب واقعی</translation>
    </message>
    <message>
        <source>(not a model class)</source>
        <translation>(کلاسی از مدل نیست)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>هیچ</translation>
    </message>
    <message>
        <source>Flow verdict (flow model)</source>
        <translation>حکم جریان (مدل جریان)</translation>
    </message>
    <message>
        <source>Flow verdict (vote of its packets)</source>
        <translation>حکم جریان (رأی بسته‌هایش)</translation>
    </message>
    <message>
        <source>%1 (%2), flow %3 of %4 packets</source>
        <translation>%1 (%2)، جریان %3 با %4 بسته</translation>
    </message>
    <message>
        <source>Network input</source>
        <translation>ورودی شبکه</translation>
    </message>
    <message>
        <source>%1 bytes: %2 from the packet, %3 zeroed or masked, %4 inserted, %5 padding</source>
        <translation>%1 بایت: %2 از بسته، %3 صفرشده یا پوشانده، %4 افزوده، %5 پرکننده</translation>
    </message>
    <message>
        <source>Which bytes decided</source>
        <translation>کدام بایت‌ها تصمیم را ساختند</translation>
    </message>
    <message>
        <source>%1: log-probability %2 against %3 for the zero vector</source>
        <translation>%1: لگاریتم احتمال %2 در برابر %3 برای بردار صفر</translation>
    </message>
    <message>
        <source>byte %1 (%2)</source>
        <translation>بایت %1 (%2)</translation>
    </message>
    <message>
        <source>link header, removed</source>
        <translation>سرآیند پیوند، حذف‌شده</translation>
    </message>
    <message>
        <source>IP header</source>
        <translation>سرآیند IP</translation>
    </message>
    <message>
        <source>transport header</source>
        <translation>سرآیند انتقال</translation>
    </message>
    <message>
        <source>payload</source>
        <translation>محموله</translation>
    </message>
    <message>
        <source>zeroed address</source>
        <translation>نشانی صفرشده</translation>
    </message>
    <message>
        <source>masked field</source>
        <translation>فیلد پوشانده</translation>
    </message>
    <message>
        <source>12 bytes inserted after UDP</source>
        <translation>۱۲ بایت افزوده پس از UDP</translation>
    </message>
    <message>
        <source>zero padding</source>
        <translation>پرکننده صفر</translation>
    </message>
    <message>
        <source>towards %1</source>
        <translation>به سوی %1</translation>
    </message>
    <message>
        <source>away from it</source>
        <translation>دور از آن</translation>
    </message>
    <message>
        <source>(attributions add up to %1; the change from the zero vector is %2)</source>
        <translation>(مجموع نسبت‌ها %1 است؛ تغییر نسبت به بردار صفر %2 است)</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::PacketTableModel</name>
    <message>
        <source>Flow verdict</source>
        <translation>حکم جریان</translation>
    </message>
    <message>
        <source>(not a model class)</source>
        <translation>(کلاس مدل نیست)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>شماره</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>مبدأ</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>مقصد</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>پروتکل</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>طول</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>برچسب</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>اطمینان</translation>
    </message>
    <message>
        <source>Truth</source>
        <translation>برچسب واقعی</translation>
    </message>
    <message>
        <source>File</source>
        <translation>فایل</translation>
    </message>
    <message>
        <source>Frame %1 of %2</source>
        <translation>قاب %1 از %2</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::ResultsWindow</name>
    <message>
        <source>; flow verdicts by %1</source>
        <translation>؛ حکم جریان‌ها از %1</translation>
    </message>
    <message>
        <source>Deep Packet</source>
        <translation>Deep Packet</translation>
    </message>
    <message>
        <source>%1 of %2 packets shown</source>
        <translation>%1 از %2 بسته نمایش داده شده</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>بسته‌ها</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>جریان‌ها</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>خلاصه</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>معیارها</translation>
    </message>
    <message>
        <source>Show counts</source>
        <translation>نمایش شمارش‌ها</translation>
    </message>
    <message>
        <source>Per packet</source>
        <translation>به ازای بسته</translation>
    </message>
    <message>
        <source>Per flow</source>
        <translation>به ازای جریان</translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation>درهم‌ریختگی</translation>
    </message>
    <message>
        <source>Clusters: </source>
        <translation>خوشه‌ها: </translation>
    </message>
    <message>
        <source>Dendrogram</source>
        <translation>دندروگرام</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>تحلیل</translation>
    </message>
    <message>
        <source>New analysis…</source>
        <translation>تحلیل تازه…</translation>
    </message>
    <message>
        <source> Class: </source>
        <translation> کلاس: </translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>همه کلاس‌ها</translation>
    </message>
    <message>
        <source>Drop capture files or folders to analyse them</source>
        <translation>فایل‌ها یا پوشه‌های ضبط را برای تحلیل رها کنید</translation>
    </message>
    <message>
        <source>&lt;div style=&apos;font-size:20pt; color:#555&apos;&gt;Drop a capture here&lt;/div&gt;&lt;p style=&apos;color:#777&apos;&gt;pcap and pcapng files, or folders of them. Or use &lt;b&gt;New analysis…&lt;/b&gt; to pick files, a task and a model.&lt;/p&gt;</source>
        <translation>&lt;div style=&apos;font-size:20pt; color:#555&apos;&gt;یک ضبط را اینجا رها کنید&lt;/div&gt;&lt;p style=&apos;color:#777&apos;&gt;فایل‌های pcap و pcapng، یا پوشه‌هایی از آن‌ها. یا با &lt;b&gt;تحلیل تازه…&lt;/b&gt; فایل‌ها، وظیفه و مدل را انتخاب کنید.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;a href=&apos;sample&apos;&gt;Try the bundled sample&lt;/a&gt;: real chat, email, file transfer, streaming, torrent and VoIP traffic, in the clear and through VPNs, with its true labels.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;a href=&apos;sample&apos;&gt;نمونه همراه را امتحان کنید&lt;/a&gt;: ترافیک واقعی گفتگو، ایمیل، انتقال فایل، پخش جریانی، تورنت و VoIP، آشکار و از درون VPN، همراه با برچسب‌های واقعی.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;فایل</translation>
    </message>
    <message>
        <source>&amp;New analysis…</source>
        <translation>تحلیل &amp;تازه…</translation>
    </message>
    <message>
        <source>&amp;Open captures…</source>
        <translation>&amp;باز کردن ضبط‌ها…</translation>
    </message>
    <message>
        <source>Open captures</source>
        <translation>باز کردن ضبط‌ها</translation>
    </message>
    <message>
        <source>Captures (*.pcap *.pcapng *.cap);;All files (*)</source>
        <translation>ضبط‌ها (*.pcap *.pcapng *.cap);;همه فایل‌ها (*)</translation>
    </message>
    <message>
        <source>&amp;Train a model…</source>
        <translation>&amp;آموزش یک مدل…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;برون‌بری</translation>
    </message>
    <message>
        <source>Metrics as CSV…</source>
        <translation>معیارها به صورت CSV…</translation>
    </message>
    <message>
        <source>Confusion matrix as CSV…</source>
        <translation>ماتریس درهم‌ریختگی به صورت CSV…</translation>
    </message>
    <message>
        <source>Current plot as image…</source>
        <translation>نمودار کنونی به صورت تصویر…</translation>
    </message>
    <message>
        <source>HTML report…</source>
        <translation>گزارش HTML…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;زبان</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>زبان سیستم</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>The language changes when Deep Packet starts again.</source>
        <translation>زبان در اجرای بعدی Deep Packet عوض می‌شود.</translation>
    </message>
    <message>
        <source>&amp;About Deep Packet</source>
        <translation>&amp;درباره Deep Packet</translation>
    </message>
    <message>
        <source>%1 packets in %2 flows from %3 captures, classified in %4 s on %5</source>
        <translation>%1 بسته در %2 جریان از %3 ضبط، دسته‌بندی‌شده در %4 ثانیه روی %5</translation>
    </message>
    <message>
        <source>Deep Packet — %1</source>
        <translation>Deep Packet — %1</translation>
    </message>
    <message>
        <source>Filtering…</source>
        <translation>در حال پالایش…</translation>
    </message>
    <message>
        <source>What</source>
        <translation>چه</translation>
    </message>
    <message>
        <source>read</source>
        <translation>خوانده</translation>
    </message>
    <message>
        <source>classified</source>
        <translation>دسته‌بندی‌شده</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>کنار گذاشته</translation>
    </message>
    <message>
        <source>flows</source>
        <translation>جریان‌ها</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>کلاس %1</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>کلاس</translation>
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
        <translation>پشتیبان</translation>
    </message>
    <message>
        <source>Flow Rc</source>
        <translation>Rc جریان</translation>
    </message>
    <message>
        <source>Flow Pr</source>
        <translation>Pr جریان</translation>
    </message>
    <message>
        <source>Flow F1</source>
        <translation>F1 جریان</translation>
    </message>
    <message>
        <source>Flow support</source>
        <translation>پشتیبان جریان</translation>
    </message>
    <message>
        <source>Macro average</source>
        <translation>میانگین کلان</translation>
    </message>
    <message>
        <source>Weighted average</source>
        <translation>میانگین وزنی</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>صحت</translation>
    </message>
    <message>
        <source>Packets and flows per class</source>
        <translation>بسته‌ها و جریان‌ها به ازای هر کلاس</translation>
    </message>
    <message>
        <source>Confusion matrix (row-normalised)</source>
        <translation>ماتریس درهم‌ریختگی (نرمال‌شده در سطر)</translation>
    </message>
    <message>
        <source>Hierarchical clustering (Ward.D)</source>
        <translation>خوشه‌بندی سلسله‌مراتبی (Ward.D)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 ذخیره شد</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>برون‌بری نمودار</translation>
    </message>
    <message>
        <source>Width (points)</source>
        <translation>پهنا (نقطه)</translation>
    </message>
    <message>
        <source>Height (points)</source>
        <translation>ارتفاع (نقطه)</translation>
    </message>
    <message>
        <source>Resolution (dpi)</source>
        <translation>وضوح (dpi)</translation>
    </message>
    <message>
        <source>PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</source>
        <translation>PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>برون‌بری</translation>
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
        <translation>درباره Deep Packet</translation>
    </message>
    <message numerus="yes">
        <source>%n capture(s) could not be read and are not in these results:</source>
        <translation>
            <numerusform>%n ضبط خوانده نشد و در این نتایج نیست:</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;h3&gt;Deep Packet %1&lt;/h3&gt;&lt;p&gt;Encrypted traffic classification with deep learning (stacked autoencoder and 1D CNN), after Lotfollahi et al.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;br&gt;%4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Deep Packet %1&lt;/h3&gt;&lt;p&gt;دسته‌بندی ترافیک رمزنگاری‌شده با یادگیری عمیق (خودرمزگذار پشته‌ای و CNN یک‌بعدی)، بر پایه لطف‌اللهی و همکاران.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;br&gt;%4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Follow flow</source>
        <translation>&amp;دنبال کردن جریان</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>باز کردن &amp;اخیر</translation>
    </message>
    <message>
        <source>Run a&amp;gain</source>
        <translation>اجرای &amp;دوباره</translation>
    </message>
    <message>
        <source>&amp;Close analysis</source>
        <translation>&amp;بستن تحلیل</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;برو</translation>
    </message>
    <message>
        <source>&amp;Go to packet…</source>
        <translation>&amp;رفتن به بسته…</translation>
    </message>
    <message>
        <source>Go to packet</source>
        <translation>رفتن به بسته</translation>
    </message>
    <message>
        <source>Packet number (1 to %1):</source>
        <translation>شماره بسته (۱ تا %1):</translation>
    </message>
    <message>
        <source>&amp;Analyze</source>
        <translation>&amp;تحلیل</translation>
    </message>
    <message>
        <source>Display &amp;filter</source>
        <translation>&amp;فیلتر نمایش</translation>
    </message>
    <message>
        <source>&amp;Apply as filter</source>
        <translation>&amp;اعمال به‌عنوان فیلتر</translation>
    </message>
    <message>
        <source>F&amp;ollow flow</source>
        <translation>دنبال &amp;کردن جریان</translation>
    </message>
    <message>
        <source>No recent captures</source>
        <translation>ضبط اخیری نیست</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>&amp;پاک کردن فهرست</translation>
    </message>
    <message>
        <source>There is no packet %1</source>
        <translation>بسته %1 وجود ندارد</translation>
    </message>
    <message>
        <source>Packet %1 is hidden by the filters</source>
        <translation>بسته %1 با فیلترها پنهان شده است</translation>
    </message>
    <message>
        <source>Select a packet or a flow to follow</source>
        <translation>بسته یا جریانی را برای دنبال کردن برگزینید</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <source>Packet &amp;details</source>
        <translation>&amp;جزئیات بسته</translation>
    </message>
    <message>
        <source>Packets shown, as CSV…</source>
        <translation>بسته‌های نمایش‌داده‌شده، به‌صورت CSV…</translation>
    </message>
    <message>
        <source>Flows shown, as CSV…</source>
        <translation>جریان‌های نمایش‌داده‌شده، به‌صورت CSV…</translation>
    </message>
    <message>
        <source>Dendrogram as Newick…</source>
        <translation>دندروگرام به‌صورت Newick…</translation>
    </message>
    <message>
        <source>Dendrogram as JSON…</source>
        <translation>دندروگرام به‌صورت JSON…</translation>
    </message>
    <message>
        <source>display filter %1</source>
        <translation>فیلتر نمایش %1</translation>
    </message>
    <message>
        <source>all %1 packets</source>
        <translation>همه %1 بسته</translation>
    </message>
    <message>
        <source>the %1 packets shown (%2)</source>
        <translation>%1 بسته نمایش‌داده‌شده (%2)</translation>
    </message>
    <message>
        <source>all %1 flows</source>
        <translation>همه %1 جریان</translation>
    </message>
    <message>
        <source>the %1 flows shown (class %2)</source>
        <translation>%1 جریان نمایش‌داده‌شده (کلاس %2)</translation>
    </message>
    <message>
        <source>Saved %1 to %2</source>
        <translation>%1 در %2 ذخیره شد</translation>
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
        <translation>ضبط زنده…</translation>
    </message>
    <message>
        <source>&amp;Stop capture</source>
        <translation>توقف &amp;ضبط</translation>
    </message>
    <message>
        <source>Capture &amp;live…</source>
        <translation>ضبط &amp;زنده…</translation>
    </message>
    <message>
        <source>Sa&amp;ve capture as…</source>
        <translation>&amp;ذخیرهٔ ضبط به‌نام…</translation>
    </message>
    <message>
        <source>Save the capture</source>
        <translation>ذخیرهٔ ضبط</translation>
    </message>
    <message>
        <source>pcapng captures (*.pcapng)</source>
        <translation>ضبط‌های pcapng (*.pcapng)</translation>
    </message>
    <message>
        <source>&amp;Auto scroll in live capture</source>
        <translation>&amp;پیمایش خودکار در ضبط زنده</translation>
    </message>
    <message>
        <source>Capturing on %1: %2 packets classified (%3/s), %4 flows (%5 open)</source>
        <translation>ضبط روی %1: %2 بسته رده‌بندی شد (%3 در ثانیه)، %4 جریان (%5 باز)</translation>
    </message>
    <message>
        <source>Capture on %1 stopped: %2 packets classified, %3 flows</source>
        <translation>ضبط روی %1 متوقف شد: %2 بسته رده‌بندی شد، %3 جریان</translation>
    </message>
    <message>
        <source>; the table keeps the newest %1</source>
        <translation>؛ جدول %1 بستهٔ تازه‌تر را نگه می‌دارد</translation>
    </message>
    <message>
        <source>; dropped %1 by the kernel, %2 by the interface</source>
        <translation>؛ دورریخته: %1 به دست هسته، %2 به دست رابط</translation>
    </message>
    <message>
        <source>Deep Packet — capturing on %1</source>
        <translation>Deep Packet — ضبط روی %1</translation>
    </message>
    <message>
        <source>There is no stopped live capture to save.</source>
        <translation>هیچ ضبط زندهٔ متوقف‌شده‌ای برای ذخیره نیست.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>نمی‌توان %1 را خواند: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>نمی‌توان %1 را نوشت: %2</translation>
    </message>
    <message>
        <source>Saved the capture as %1</source>
        <translation>ضبط با نام %1 ذخیره شد</translation>
    </message>
    <message>
        <source>Packet %1 is no longer kept: the table keeps the newest %2 packets</source>
        <translation>بستهٔ %1 دیگر نگه داشته نمی‌شود: جدول %2 بستهٔ تازه‌تر را نگه می‌دارد</translation>
    </message>
    <message>
        <source>open flows</source>
        <translation>جریان‌های باز</translation>
    </message>
    <message>
        <source>captured</source>
        <translation>ضبط‌شده</translation>
    </message>
    <message>
        <source>dropped by the kernel</source>
        <translation>دورریخته به دست هسته</translation>
    </message>
    <message>
        <source>dropped by the interface</source>
        <translation>دورریخته به دست رابط</translation>
    </message>
    <message>
        <source>kept in the table</source>
        <translation>نگه‌داشته در جدول</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::TrainingWizard</name>
    <message>
        <source>Train a model</source>
        <translation>آموزش یک مدل</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>در حال آغاز…</translation>
    </message>
    <message>
        <source>Labelled captures</source>
        <translation>ضبط‌های برچسب‌دار</translation>
    </message>
    <message>
        <source>The captures to learn from (drop files or folders here), and where their true labels come from.</source>
        <translation>ضبط‌هایی که از آن‌ها آموخته می‌شود (فایل‌ها یا پوشه‌ها را اینجا رها کنید) و اینکه برچسب‌های واقعی آن‌ها از کجا می‌آید.</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>افزودن &amp;فایل‌ها…</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <translation>افزودن &amp;پوشه…</translation>
    </message>
    <message>
        <source>Captures</source>
        <translation>ضبط‌ها</translation>
    </message>
    <message>
        <source>Captures (*.pcap *.pcapng *.cap)</source>
        <translation>ضبط‌ها (*.pcap *.pcapng *.cap)</translation>
    </message>
    <message>
        <source>Folder of captures</source>
        <translation>پوشه ضبط‌ها</translation>
    </message>
    <message>
        <source>Folder names</source>
        <translation>نام پوشه‌ها</translation>
    </message>
    <message>
        <source>ISCX VPN-nonVPN file names</source>
        <translation>نام فایل‌های ISCX VPN-nonVPN</translation>
    </message>
    <message>
        <source>CSV of files (file,label)</source>
        <translation>CSV فایل‌ها (file,label)</translation>
    </message>
    <message>
        <source>CSV of flows (5-tuple,label)</source>
        <translation>CSV جریان‌ها (پنج‌تایی،label)</translation>
    </message>
    <message>
        <source>&amp;Labels:</source>
        <translation>&amp;برچسب‌ها:</translation>
    </message>
    <message>
        <source>&amp;Task name:</source>
        <translation>نام &amp;وظیفه:</translation>
    </message>
    <message>
        <source>Network and options</source>
        <translation>شبکه و گزینه‌ها</translation>
    </message>
    <message>
        <source>The paper&apos;s networks and procedure (§3.3, §4); a flow split keeps each flow&apos;s packets out of the other sets.</source>
        <translation>شبکه‌ها و روش مقاله (§3.3، §4)؛ تقسیم بر پایه جریان، بسته‌های هر جریان را بیرون از مجموعه‌های دیگر نگه می‌دارد.</translation>
    </message>
    <message>
        <source>Stacked autoencoder (SAE)</source>
        <translation>خودرمزگذار پشته‌ای (SAE)</translation>
    </message>
    <message>
        <source>1D convolutional network (CNN)</source>
        <translation>شبکه کانولوشنی یک‌بعدی (CNN)</translation>
    </message>
    <message>
        <source>By flow (no flow in two sets)</source>
        <translation>بر پایه جریان (هیچ جریانی در دو مجموعه نیست)</translation>
    </message>
    <message>
        <source>By file</source>
        <translation>بر پایه فایل</translation>
    </message>
    <message>
        <source>By packet (the paper&apos;s; leaks flows)</source>
        <translation>بر پایه بسته (روش مقاله؛ جریان‌ها نشت می‌کنند)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>همه</translation>
    </message>
    <message>
        <source>Packets kept per class while reading, drawn at random from all of them: bounds the memory a large capture set needs.</source>
        <translation>بسته‌هایی که هنگام خواندن برای هر کلاس نگه داشته می‌شوند، به تصادف از میان همه: حافظه لازم برای مجموعه بزرگی از ضبط‌ها را محدود می‌کند.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>مرور…</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>فایل مدل</translation>
    </message>
    <message>
        <source>Deep Packet models (*.dpm)</source>
        <translation>مدل‌های Deep Packet (*.dpm)</translation>
    </message>
    <message>
        <source>&amp;Split:</source>
        <translation>&amp;تقسیم:</translation>
    </message>
    <message>
        <source>&amp;Epochs (at most):</source>
        <translation>&amp;دوره‌ها (حداکثر):</translation>
    </message>
    <message>
        <source>&amp;Learning rate:</source>
        <translation>نرخ &amp;یادگیری:</translation>
    </message>
    <message>
        <source>&amp;Patience (early stopping):</source>
        <translation>&amp;شکیبایی (توقف زودهنگام):</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;دستگاه:</translation>
    </message>
    <message>
        <source>&amp;Model file:</source>
        <translation>فایل &amp;مدل:</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>آموزش</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>خطای آموزش</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>خطای اعتبارسنجی</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>صحت اعتبارسنجی</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>صحت</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>آنتروپی متقاطع</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>دوره</translation>
    </message>
    <message>
        <source>&amp;Stop and keep the best model</source>
        <translation>&amp;توقف و نگه داشتن بهترین مدل</translation>
    </message>
    <message>
        <source>Reading the captures: %L1 packets kept (%2 s)</source>
        <translation>خواندن ضبط‌ها: %L1 بسته نگه داشته شد (%2 ثانیه)</translation>
    </message>
    <message>
        <source>Scoring the test split (%1 s)</source>
        <translation>ارزیابی مجموعه آزمون (%1 ثانیه)</translation>
    </message>
    <message>
        <source>Training: epoch %1 of at most %2 (%3 s)</source>
        <translation>آموزش: دوره %1 از حداکثر %2 (%3 ثانیه)</translation>
    </message>
    <message>
        <source>epoch %1: loss %2, validation loss %3, accuracy %4 (%5 s)</source>
        <translation>دوره %1: خطا %2، خطای اعتبارسنجی %3، صحت %4 (%5 ثانیه)</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>پایان یافت.</translation>
    </message>
    <message>
        <source>Done: the model is saved. Press Finish to see its test split in the workspace.</source>
        <translation>پایان: مدل ذخیره شد. برای دیدن مجموعه آزمون آن در فضای کار، پایان را بزنید.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>متوقف شد.</translation>
    </message>
    <message>
        <source>Pre-training layer %1: epoch %2 (%3 s)</source>
        <translation>پیش‌آموزش لایه %1: دوره %2 (%3 ثانیه)</translation>
    </message>
    <message>
        <source>Layer %1, epoch %2: reconstruction MSE %3</source>
        <translation>لایه %1، دوره %2: MSE بازسازی %3</translation>
    </message>
    <message>
        <source>Zero this field of every packet: it identifies a flow, not its traffic (--%1 on the command line).</source>
        <translation>این فیلد در هر بسته صفر شود: یک جریان را مشخص می‌کند، نه ترافیک آن را (‎--%1 در خط فرمان).</translation>
    </message>
    <message>
        <source>Fields that identify a flow:</source>
        <translation>فیلدهایی که یک جریان را مشخص می‌کنند:</translation>
    </message>
    <message>
        <source>Label fil&amp;e:</source>
        <translation>&amp;پرونده برچسب:</translation>
    </message>
    <message>
        <source>Net&amp;work:</source>
        <translation>&amp;شبکه:</translation>
    </message>
    <message>
        <source>SAE pre-t&amp;raining epochs per layer:</source>
        <translation>دوره‌های &amp;پیش‌آموزش SAE برای هر لایه:</translation>
    </message>
    <message>
        <source>Batc&amp;h size:</source>
        <translation>اندازه &amp;دسته:</translation>
    </message>
    <message>
        <source>Packets per class (at m&amp;ost):</source>
        <translation>بسته به ازای هر کلاس (&amp;حداکثر):</translation>
    </message>
    <message>
        <source>addresses zeroed</source>
        <translation>نشانی‌ها صفرشده</translation>
    </message>
    <message>
        <source>IP id masked</source>
        <translation>شناسه IP پوشانده</translation>
    </message>
    <message>
        <source>checksums masked</source>
        <translation>جمع‌های آزمون پوشانده</translation>
    </message>
    <message>
        <source>TCP seq/ack masked</source>
        <translation>seq/ack در TCP پوشانده</translation>
    </message>
    <message>
        <source>TCP timestamps masked</source>
        <translation>مهرهای زمانی TCP پوشانده</translation>
    </message>
    <message>
        <source>IPv6 flow label masked</source>
        <translation>برچسب جریان IPv6 پوشانده</translation>
    </message>
    <message>
        <source>TCP/UDP only</source>
        <translation>فقط TCP/UDP</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;حذف</translation>
    </message>
    <message>
        <source>Packets per class:</source>
        <translation>بسته به ازای هر کلاس:</translation>
    </message>
    <message>
        <source>These labels cannot be used: %1</source>
        <translation>این برچسب‌ها قابل استفاده نیستند: %1</translation>
    </message>
    <message>
        <source>Counting the packets of each class…</source>
        <translation>بسته‌های هر کلاس شمرده می‌شوند…</translation>
    </message>
    <message>
        <source>no labelled packet</source>
        <translation>بسته برچسب‌داری نیست</translation>
    </message>
    <message>
        <source>%1 packets have no label and are left out</source>
        <translation>%1 بسته برچسب ندارند و کنار گذاشته می‌شوند</translation>
    </message>
    <message>
        <source>At most %1 per class are kept while reading.</source>
        <translation>هنگام خواندن حداکثر %1 بسته از هر کلاس نگه داشته می‌شود.</translation>
    </message>
    <message>
        <source>A model needs at least two classes.</source>
        <translation>یک مدل دست‌کم به دو کلاس نیاز دارد.</translation>
    </message>
    <message>
        <source>Too few packets (under %1) to learn or to score: %2.</source>
        <translation>بسته‌های بسیار کم (کمتر از %1) برای آموختن یا ارزیابی: %2.</translation>
    </message>
</context>
<context>
    <name>ui</name>
    <message>
        <source>%1; the test split of a %2 split (%3 packets)%4</source>
        <translation>%1؛ مجموعه آزمون یک تقسیم %2 (%3 بسته)%4</translation>
    </message>
    <message>
        <source>, training stopped early by the user</source>
        <translation>، آموزش به دست کاربر زودتر متوقف شد</translation>
    </message>
</context>
</TS>
