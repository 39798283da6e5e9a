<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QApplication</name>
    <message>
        <source>Encrypted traffic classification</source>
        <translation>加密流量分类</translation>
    </message>
    <message>
        <source>Capture files or folders to open.</source>
        <translation>要打开的抓包文件或文件夹。</translation>
    </message>
</context>
<context>
    <name>QComboBox</name>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
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
        <translation>CUDA（%1）</translation>
    </message>
    <message>
        <source>this build&apos;s LibTorch has no CUDA</source>
        <translation>此版本的 LibTorch 不含 CUDA</translation>
    </message>
    <message>
        <source>LibTorch %1, with CUDA</source>
        <translation>LibTorch %1，含 CUDA</translation>
    </message>
    <message>
        <source>LibTorch %1, CPU only</source>
        <translation>LibTorch %1，仅 CPU</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>%1: writing failed: %2</source>
        <translation>%1：写入失败：%2</translation>
    </message>
    <message>
        <source>%1: cannot save: %2</source>
        <translation>%1：无法保存：%2</translation>
    </message>
    <message>
        <source>%1: there are no metrics without ground truth</source>
        <translation>%1：没有真实标签就没有指标</translation>
    </message>
    <message>
        <source>%1: there is no confusion matrix without ground truth</source>
        <translation>%1：没有真实标签就没有混淆矩阵</translation>
    </message>
    <message>
        <source>%1: the size is too small</source>
        <translation>%1：尺寸太小</translation>
    </message>
    <message>
        <source>macro average</source>
        <translation>宏平均</translation>
    </message>
    <message>
        <source>weighted average</source>
        <translation>加权平均</translation>
    </message>
    <message>
        <source>packets (%)</source>
        <translation>数据包 (%)</translation>
    </message>
    <message>
        <source>flows (%)</source>
        <translation>流 (%)</translation>
    </message>
    <message>
        <source>share (%)</source>
        <translation>占比 (%)</translation>
    </message>
    <message>
        <source>packets</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>share of the row</source>
        <translation>行内占比</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>height (Ward.D)</source>
        <translation>高度 (Ward.D)</translation>
    </message>
    <message>
        <source>%1: there is no dendrogram without ground truth</source>
        <translation>%1：没有真实标签就没有树状图</translation>
    </message>
</context>
<context>
    <name>deeppacket::gui::MainController</name>
    <message>
        <source>The analysis failed: %1</source>
        <translation>分析失败：%1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <source>Open the test split</source>
        <translation>打开测试集</translation>
    </message>
    <message>
        <source>Show the new model&apos;s test split? It replaces the analysis that is open now.</source>
        <translation>显示新模型的测试集？它将替换当前打开的分析。</translation>
    </message>
    <message>
        <source>Running the analysis again…</source>
        <translation>正在重新运行分析…</translation>
    </message>
    <message>
        <source>Starting the capture on %1…</source>
        <translation>正在 %1 上开始捕获…</translation>
    </message>
    <message>
        <source>The live capture failed: %1</source>
        <translation>实时捕获失败：%1</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::AnalysisWizard</name>
    <message>
        <source>A flow model classifies each flow from the sizes, directions and timing of its packets; the packets keep the packet model&apos;s labels beside their flow&apos;s verdict.</source>
        <translation>流模型根据流中数据包的大小、方向和时间间隔对每个流进行分类；数据包保留数据包模型的标签，并附上其所属流的判定。</translation>
    </message>
    <message>
        <source>&amp;Flow model:</source>
        <translation>流模型(&amp;F)：</translation>
    </message>
    <message>
        <source>%1 is a flow model: it classifies flows beside a packet model. Choose a packet model here and this one as the flow model.</source>
        <translation>%1 是流模型：它与数据包模型一起对流进行分类。请在此选择数据包模型，并将此模型选为流模型。</translation>
    </message>
    <message>
        <source>None: flows by the vote of their packets</source>
        <translation>无：按数据包投票判定流</translation>
    </message>
    <message>
        <source>New analysis</source>
        <translation>新建分析</translation>
    </message>
    <message>
        <source>Captures</source>
        <translation>抓包文件</translation>
    </message>
    <message>
        <source>Drop pcap or pcapng files or folders here, or add them. Each file is read to count its packets.</source>
        <translation>将 pcap 或 pcapng 文件或文件夹拖放到此处，或添加它们。每个文件都会被读取以统计其数据包。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>Link type</source>
        <translation>链路类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>添加文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <translation>添加文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Recent captures…</source>
        <translation>最近的抓包文件…</translation>
    </message>
    <message>
        <source>Add captures</source>
        <translation>添加抓包文件</translation>
    </message>
    <message>
        <source>Captures (*.pcap *.pcapng *.cap);;All files (*)</source>
        <translation>抓包文件 (*.pcap *.pcapng *.cap);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Add a folder of captures</source>
        <translation>添加抓包文件夹</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>What should each packet be labelled with?</source>
        <translation>每个数据包应标注为什么？</translation>
    </message>
    <message>
        <source>&amp;Application identification</source>
        <translation>应用识别(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Traffic categorization</source>
        <translation>流量分类(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Other</source>
        <translation>其他(&amp;O)</translation>
    </message>
    <message>
        <source>A task of your own: any model file, whatever its task</source>
        <translation>自定义任务：任意模型文件，不论其任务</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>A pretrained network for the task, or any Deep Packet model file (.dpm) or TorchScript module with its JSON sidecar.</source>
        <translation>适用于该任务的预训练网络，或任意 Deep Packet 模型文件 (.dpm)，或带 JSON 附属文件的 TorchScript 模块。</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>选择模型</translation>
    </message>
    <message>
        <source>Models (*.dpm *.pt *.pth);;All files (*)</source>
        <translation>模型 (*.dpm *.pt *.pth);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <source>Ground truth (optional)</source>
        <translation>真实标签（可选）</translation>
    </message>
    <message>
        <source>With true labels, the results include recall, precision and F1, the confusion matrix and the clustering of the classes.</source>
        <translation>有真实标签时，结果包括召回率、精确率和 F1、混淆矩阵以及类别聚类。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>&amp;ISCX VPN-nonVPN file names</source>
        <translation>ISCX VPN-nonVPN 文件名(&amp;I)</translation>
    </message>
    <message>
        <source>Label file</source>
        <translation>标签文件</translation>
    </message>
    <message>
        <source>CSV (*.csv);;All files (*)</source>
        <translation>CSV (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>&amp;Cancel run</source>
        <translation>取消运行(&amp;C)</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>&lt;p&gt;No pretrained model for this task was found in:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Choose a model file with &lt;b&gt;Browse…&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;在以下位置未找到该任务的预训练模型：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;请用&lt;b&gt;浏览…&lt;/b&gt;选择模型文件。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#a00&apos;&gt;&lt;b&gt;This model cannot be used:&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#a00&apos;&gt;&lt;b&gt;无法使用此模型：&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>, scored against %1</source>
        <translation>，对照 %1 评分</translation>
    </message>
    <message>
        <source>%1 packets classified, %2 packets/s, %3 s elapsed, about %4 s left</source>
        <translation>已分类 %1 个数据包，%2 包/秒，已用 %3 秒，约剩 %4 秒</translation>
    </message>
    <message>
        <source> Done: press Finish to see the results.</source>
        <translation> 完成：点击“完成”查看结果。</translation>
    </message>
    <message>
        <source>Captures that cannot be read</source>
        <translation>无法读取的捕获文件</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;%n capture(s) cannot be read:&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;&lt;p&gt;Go on without them?&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;%n 个捕获文件无法读取：&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;&lt;p&gt;不使用它们继续吗？&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>A model that holds code</source>
        <translation>包含代码的模型</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; is a TorchScript model: a program. Opening it runs the code inside, which can do anything your account can, such as reading or deleting files.&lt;/p&gt;&lt;p&gt;Run it only if you trust where it came from. Deep Packet model files (.dpm) hold data only.&lt;/p&gt;&lt;p&gt;Run this model&apos;s code?&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; 是 TorchScript 模型：一个程序。打开它会运行其中的代码，这些代码可以做您的账户能做的任何事，例如读取或删除文件。&lt;/p&gt;&lt;p&gt;仅当您信任其来源时才运行它。Deep Packet 模型文件（.dpm）只包含数据。&lt;/p&gt;&lt;p&gt;运行此模型的代码吗？&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 is a TorchScript program and was not trusted: nothing in it was run. Convert it to a .dpm model with deeppacket-cli convert, or choose it again and trust it.</source>
        <translation>%1 是 TorchScript 程序且未被信任：其中的任何内容都未运行。请用 deeppacket-cli convert 将其转换为 .dpm 模型，或重新选择并信任它。</translation>
    </message>
    <message numerus="yes">
        <source>The pretrained model knows %n class(es): %1</source>
        <translation>
            <numerusform>预训练模型认识 %n 个类别：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Which application or protocol sent the packet (no pretrained model found: choose a model file)</source>
        <translation>哪个应用或协议发送了该数据包（未找到预训练模型：请选择模型文件）</translation>
    </message>
    <message>
        <source>What kind of traffic it is, and whether it went through a VPN (no pretrained model found: choose a model file)</source>
        <translation>这是什么类型的流量，是否经过 VPN（未找到预训练模型：请选择模型文件）</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <source>Batc&amp;h size:</source>
        <translation>批大小(&amp;H)：</translation>
    </message>
    <message>
        <source>None: &amp;classify only</source>
        <translation>无：仅分类(&amp;C)</translation>
    </message>
    <message>
        <source>Folder na&amp;mes</source>
        <translation>文件夹名称(&amp;M)</translation>
    </message>
    <message>
        <source>CSV of file &amp;labels (file,label)</source>
        <translation>文件标签 CSV(&amp;L)（file,label）</translation>
    </message>
    <message>
        <source>CSV of flo&amp;w labels (src,src_port,dst,dst_port,protocol,label)</source>
        <translation>流标签 CSV(&amp;W)（src,src_port,dst,dst_port,protocol,label）</translation>
    </message>
    <message>
        <source>Labels found beside the captures: %1</source>
        <translation>在捕获文件旁找到标签：%1</translation>
    </message>
    <message numerus="yes">
        <source>Classifying %n capture(s) with %1 (%2, batch %3)%4.</source>
        <translation>
            <numerusform>正在用 %1 分类 %n 个捕获文件（%2，批 %3）%4。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::DisplayFilterEdit</name>
    <message>
        <source>Like Wireshark&apos;s display filters, e.g. &lt;code&gt;tcp and len &amp;gt; 100&lt;/code&gt;, &lt;code&gt;ip.addr == 10.8.0.0/16 &amp;amp;&amp;amp; !correct&lt;/code&gt;, &lt;code&gt;label == chat or confidence &amp;lt; 0.5&lt;/code&gt;.</source>
        <translation>与 Wireshark 的显示过滤器相同，例如 &lt;code&gt;tcp and len &amp;gt; 100&lt;/code&gt;、&lt;code&gt;ip.addr == 10.8.0.0/16 &amp;amp;&amp;amp; !correct&lt;/code&gt;、&lt;code&gt;label == chat or confidence &amp;lt; 0.5&lt;/code&gt;。</translation>
    </message>
    <message>
        <source>Apply a display filter… (Ctrl+F)</source>
        <translation>应用显示过滤器…（Ctrl+F）</translation>
    </message>
    <message>
        <source>%1 (at column %2)</source>
        <translation>%1（第 %2 列）</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::Disposition</name>
    <message>
        <source>kept and turned into a vector</source>
        <translation>保留并转为向量</translation>
    </message>
    <message>
        <source>link type not supported</source>
        <translation>不支持的链路类型</translation>
    </message>
    <message>
        <source>not an IPv4 or IPv6 packet</source>
        <translation>不是 IPv4 或 IPv6 数据包</translation>
    </message>
    <message>
        <source>capture ends inside the link-layer header</source>
        <translation>捕获在链路层头内结束</translation>
    </message>
    <message>
        <source>capture ends inside the IP header</source>
        <translation>捕获在 IP 头内结束</translation>
    </message>
    <message>
        <source>invalid IP header</source>
        <translation>无效的 IP 头</translation>
    </message>
    <message>
        <source>non-first IP fragment (no transport header)</source>
        <translation>非首个 IP 分片（无传输层头）</translation>
    </message>
    <message>
        <source>capture ends inside the TCP/UDP header</source>
        <translation>捕获在 TCP/UDP 头内结束</translation>
    </message>
    <message>
        <source>invalid TCP or UDP header</source>
        <translation>无效的 TCP 或 UDP 头</translation>
    </message>
    <message>
        <source>DNS, mDNS or LLMNR</source>
        <translation>DNS、mDNS 或 LLMNR</translation>
    </message>
    <message>
        <source>TCP segment with SYN/ACK/FIN and no payload</source>
        <translation>带 SYN/ACK/FIN 且无载荷的 TCP 段</translation>
    </message>
    <message>
        <source>neither TCP nor UDP (excluded by option)</source>
        <translation>既非 TCP 也非 UDP（被选项排除）</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::FlowTableModel</name>
    <message>
        <source>Packet vote</source>
        <translation>数据包投票</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>流</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>源</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation>时长（秒）</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Truth</source>
        <translation>真实值</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Still open: the verdict so far, refined as packets arrive</source>
        <translation>仍未结束：迄今为止的判定，随数据包到达而细化</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::LiveCaptureDialog</name>
    <message>
        <source>Capture live</source>
        <translation>实时捕获</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>接口</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>&amp;Refresh interfaces</source>
        <translation>刷新接口(&amp;R)</translation>
    </message>
    <message>
        <source>A capture filter, such as: tcp port 443 or udp</source>
        <translation>捕获过滤器，例如：tcp port 443 or udp</translation>
    </message>
    <message>
        <source>libpcap&apos;s capture filter (as in tcpdump and Wireshark&apos;s capture options): only packets it passes are captured. Empty: every packet.</source>
        <translation>libpcap 的捕获过滤器（与 tcpdump 和 Wireshark 的捕获选项相同）：只捕获它放行的数据包。留空：捕获所有数据包。</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>选择模型</translation>
    </message>
    <message>
        <source>Deep Packet models (*.dpm);;All files (*)</source>
        <translation>Deep Packet 模型 (*.dpm);;所有文件 (*)</translation>
    </message>
    <message>
        <source> packets</source>
        <translation> 个数据包</translation>
    </message>
    <message>
        <source>The packet table keeps the newest packets only, so that a capture of hours stays within memory (about 100 bytes a packet); every flow&apos;s summary is kept.</source>
        <translation>数据包表只保留最新的数据包，使持续数小时的捕获也能放入内存（每个数据包约 100 字节）；每个流的摘要都会保留。</translation>
    </message>
    <message>
        <source>&amp;Promiscuous mode</source>
        <translation>混杂模式(&amp;P)</translation>
    </message>
    <message>
        <source>Capture packets addressed to other hosts too</source>
        <translation>同时捕获发往其他主机的数据包</translation>
    </message>
    <message>
        <source>Capture &amp;filter:</source>
        <translation>捕获过滤器(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>F&amp;low model:</source>
        <translation>流模型(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Keep the newest:</source>
        <translation>保留最新的(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Interfaces:</source>
        <translation>接口(&amp;I)：</translation>
    </message>
    <message>
        <source>The interfaces cannot be listed: %1</source>
        <translation>无法列出接口：%1</translation>
    </message>
    <message>
        <source>loopback</source>
        <translation>回环</translation>
    </message>
    <message>
        <source>down</source>
        <translation>未启用</translation>
    </message>
    <message>
        <source>None: flows by the vote of their packets</source>
        <translation>无：按数据包投票判定流</translation>
    </message>
    <message>
        <source>%1 is a TorchScript program: live capture takes Deep Packet models (.dpm). Convert it with deeppacket-cli convert.</source>
        <translation>%1 是 TorchScript 程序：实时捕获只接受 Deep Packet 模型（.dpm）。请用 deeppacket-cli convert 转换。</translation>
    </message>
    <message>
        <source>%1 is a flow model: choose a packet model, and this one as the flow model</source>
        <translation>%1 是流模型：请选择一个数据包模型，并把它作为流模型</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::ModelCardView</name>
    <message>
        <source>, %1 captures</source>
        <translation>，%1 个捕获文件</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>支持数</translation>
    </message>
    <message>
        <source>Macro average</source>
        <translation>宏平均</translation>
    </message>
    <message>
        <source>Accuracy %1</source>
        <translation>准确率 %1</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>网络：</translation>
    </message>
    <message>
        <source> (%1 parameters)</source>
        <translation>（%1 个参数）</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>It tells apart %1 classes:</source>
        <translation>它区分 %1 个类别：</translation>
    </message>
    <message>
        <source>Trained on:</source>
        <translation>训练数据：</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>划分：</translation>
    </message>
    <message>
        <source>%1, seed %2</source>
        <translation>%1，种子 %2</translation>
    </message>
    <message>
        <source>Made:</source>
        <translation>创建：</translation>
    </message>
    <message>
        <source>%1 by version %2</source>
        <translation>%1，版本 %2</translation>
    </message>
    <message>
        <source>vectors of %1 bytes</source>
        <translation>%1 字节的向量</translation>
    </message>
    <message>
        <source>Preprocessing:</source>
        <translation>预处理：</translation>
    </message>
    <message>
        <source>Test scores:</source>
        <translation>测试得分：</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>on the test part of a %1 split</source>
        <translation>在按 %1 划分的测试部分上</translation>
    </message>
    <message>
        <source>Per packet</source>
        <translation>按数据包</translation>
    </message>
    <message>
        <source>Per flow</source>
        <translation>按流</translation>
    </message>
    <message>
        <source>folder names</source>
        <translation>文件夹名称</translation>
    </message>
    <message>
        <source>ISCX VPN-nonVPN file names</source>
        <translation>ISCX VPN-nonVPN 文件名</translation>
    </message>
    <message>
        <source>file labels in %1</source>
        <translation>%1 中的文件标签</translation>
    </message>
    <message>
        <source>flow labels in %1</source>
        <translation>%1 中的流标签</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::PacketDetailsPane</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Frame bytes</source>
        <translation>帧字节</translation>
    </message>
    <message>
        <source>Network input (what the network saw)</source>
        <translation>网络输入（网络看到的内容）</translation>
    </message>
    <message>
        <source>Show which bytes decided</source>
        <translation>显示起决定作用的字节</translation>
    </message>
    <message>
        <source>Integrated gradients of the predicted class&apos;s log-probability from the all-zero vector: red bytes pushed towards the class, blue away from it.</source>
        <translation>从全零向量出发，对预测类别对数概率的积分梯度：红色字节推向该类别，蓝色字节推离该类别。</translation>
    </message>
    <message>
        <source>Reading packet %1 from its capture…</source>
        <translation>正在从捕获文件读取数据包 %1…</translation>
    </message>
    <message>
        <source>Cannot read the packet</source>
        <translation>无法读取数据包</translation>
    </message>
    <message>
        <source>Deep Packet</source>
        <translation>Deep Packet</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Number in the analysis</source>
        <translation>分析中的编号</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>捕获文件</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Truth</source>
        <translation>真实标签</translation>
    </message>
    <message>
        <source>(not a model class)</source>
        <translation>（不是模型的类别）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Flow verdict (flow model)</source>
        <translation>流判定（流模型）</translation>
    </message>
    <message>
        <source>Flow verdict (vote of its packets)</source>
        <translation>流判定（其数据包投票）</translation>
    </message>
    <message>
        <source>%1 (%2), flow %3 of %4 packets</source>
        <translation>%1（%2），流 %3，共 %4 个数据包</translation>
    </message>
    <message>
        <source>Network input</source>
        <translation>网络输入</translation>
    </message>
    <message>
        <source>%1 bytes: %2 from the packet, %3 zeroed or masked, %4 inserted, %5 padding</source>
        <translation>%1 字节：%2 来自数据包，%3 置零或屏蔽，%4 插入，%5 填充</translation>
    </message>
    <message>
        <source>Which bytes decided</source>
        <translation>哪些字节起了决定作用</translation>
    </message>
    <message>
        <source>%1: log-probability %2 against %3 for the zero vector</source>
        <translation>%1：对数概率 %2，零向量为 %3</translation>
    </message>
    <message>
        <source>byte %1 (%2)</source>
        <translation>字节 %1（%2）</translation>
    </message>
    <message>
        <source>link header, removed</source>
        <translation>链路头，已移除</translation>
    </message>
    <message>
        <source>IP header</source>
        <translation>IP 头</translation>
    </message>
    <message>
        <source>transport header</source>
        <translation>传输层头</translation>
    </message>
    <message>
        <source>payload</source>
        <translation>载荷</translation>
    </message>
    <message>
        <source>zeroed address</source>
        <translation>置零的地址</translation>
    </message>
    <message>
        <source>masked field</source>
        <translation>屏蔽的字段</translation>
    </message>
    <message>
        <source>12 bytes inserted after UDP</source>
        <translation>UDP 后插入的 12 个字节</translation>
    </message>
    <message>
        <source>zero padding</source>
        <translation>零填充</translation>
    </message>
    <message>
        <source>towards %1</source>
        <translation>推向 %1</translation>
    </message>
    <message>
        <source>away from it</source>
        <translation>推离</translation>
    </message>
    <message>
        <source>(attributions add up to %1; the change from the zero vector is %2)</source>
        <translation>（归因之和为 %1；相对零向量的变化为 %2）</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::PacketTableModel</name>
    <message>
        <source>Flow verdict</source>
        <translation>流判定</translation>
    </message>
    <message>
        <source>(not a model class)</source>
        <translation>（不是模型的类别）</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>源</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Truth</source>
        <translation>真实值</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Frame %1 of %2</source>
        <translation>%2 的第 %1 帧</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::ResultsWindow</name>
    <message>
        <source>; flow verdicts by %1</source>
        <translation>；流判定来自 %1</translation>
    </message>
    <message>
        <source>Deep Packet</source>
        <translation>Deep Packet</translation>
    </message>
    <message>
        <source>%1 of %2 packets shown</source>
        <translation>显示 %1 / %2 个数据包</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>流</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Show counts</source>
        <translation>显示计数</translation>
    </message>
    <message>
        <source>Per packet</source>
        <translation>按数据包</translation>
    </message>
    <message>
        <source>Per flow</source>
        <translation>按流</translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Clusters: </source>
        <translation>聚类数：</translation>
    </message>
    <message>
        <source>Dendrogram</source>
        <translation>树状图</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>New analysis…</source>
        <translation>新建分析…</translation>
    </message>
    <message>
        <source> Class: </source>
        <translation> 类别：</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <source>Drop capture files or folders to analyse them</source>
        <translation>拖放抓包文件或文件夹以进行分析</translation>
    </message>
    <message>
        <source>&lt;div style=&apos;font-size:20pt; color:#555&apos;&gt;Drop a capture here&lt;/div&gt;&lt;p style=&apos;color:#777&apos;&gt;pcap and pcapng files, or folders of them. Or use &lt;b&gt;New analysis…&lt;/b&gt; to pick files, a task and a model.&lt;/p&gt;</source>
        <translation>&lt;div style=&apos;font-size:20pt; color:#555&apos;&gt;将抓包文件拖放到此处&lt;/div&gt;&lt;p style=&apos;color:#777&apos;&gt;pcap 和 pcapng 文件，或包含它们的文件夹。也可以用&lt;b&gt;新建分析…&lt;/b&gt;选择文件、任务和模型。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;a href=&apos;sample&apos;&gt;Try the bundled sample&lt;/a&gt;: real chat, email, file transfer, streaming, torrent and VoIP traffic, in the clear and through VPNs, with its true labels.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;a href=&apos;sample&apos;&gt;试用自带示例&lt;/a&gt;：真实的聊天、电子邮件、文件传输、流媒体、种子下载和 VoIP 流量，明文及经由 VPN，附带真实标签。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New analysis…</source>
        <translation>新建分析(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open captures…</source>
        <translation>打开抓包文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Open captures</source>
        <translation>打开抓包文件</translation>
    </message>
    <message>
        <source>Captures (*.pcap *.pcapng *.cap);;All files (*)</source>
        <translation>抓包文件 (*.pcap *.pcapng *.cap);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Train a model…</source>
        <translation>训练模型(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Metrics as CSV…</source>
        <translation>指标导出为 CSV…</translation>
    </message>
    <message>
        <source>Confusion matrix as CSV…</source>
        <translation>混淆矩阵导出为 CSV…</translation>
    </message>
    <message>
        <source>Current plot as image…</source>
        <translation>当前图表导出为图片…</translation>
    </message>
    <message>
        <source>HTML report…</source>
        <translation>HTML 报告…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language changes when Deep Packet starts again.</source>
        <translation>语言将在下次启动 Deep Packet 时更改。</translation>
    </message>
    <message>
        <source>&amp;About Deep Packet</source>
        <translation>关于 Deep Packet(&amp;A)</translation>
    </message>
    <message>
        <source>%1 packets in %2 flows from %3 captures, classified in %4 s on %5</source>
        <translation>来自 %3 个抓包文件的 %2 个流中的 %1 个数据包，在 %5 上用时 %4 秒完成分类</translation>
    </message>
    <message>
        <source>Deep Packet — %1</source>
        <translation>Deep Packet — %1</translation>
    </message>
    <message>
        <source>Filtering…</source>
        <translation>正在筛选…</translation>
    </message>
    <message>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>read</source>
        <translation>已读取</translation>
    </message>
    <message>
        <source>classified</source>
        <translation>已分类</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>已丢弃</translation>
    </message>
    <message>
        <source>flows</source>
        <translation>流</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
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
        <translation>支持数</translation>
    </message>
    <message>
        <source>Flow Rc</source>
        <translation>流 Rc</translation>
    </message>
    <message>
        <source>Flow Pr</source>
        <translation>流 Pr</translation>
    </message>
    <message>
        <source>Flow F1</source>
        <translation>流 F1</translation>
    </message>
    <message>
        <source>Flow support</source>
        <translation>流支持数</translation>
    </message>
    <message>
        <source>Macro average</source>
        <translation>宏平均</translation>
    </message>
    <message>
        <source>Weighted average</source>
        <translation>加权平均</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Packets and flows per class</source>
        <translation>每类的数据包和流</translation>
    </message>
    <message>
        <source>Confusion matrix (row-normalised)</source>
        <translation>混淆矩阵（按行归一化）</translation>
    </message>
    <message>
        <source>Hierarchical clustering (Ward.D)</source>
        <translation>层次聚类 (Ward.D)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Width (points)</source>
        <translation>宽度（点）</translation>
    </message>
    <message>
        <source>Height (points)</source>
        <translation>高度（点）</translation>
    </message>
    <message>
        <source>Resolution (dpi)</source>
        <translation>分辨率 (dpi)</translation>
    </message>
    <message>
        <source>PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</source>
        <translation>PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
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
        <translation>关于 Deep Packet</translation>
    </message>
    <message numerus="yes">
        <source>%n capture(s) could not be read and are not in these results:</source>
        <translation>
            <numerusform>%n 个捕获文件无法读取，不在这些结果中：</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;h3&gt;Deep Packet %1&lt;/h3&gt;&lt;p&gt;Encrypted traffic classification with deep learning (stacked autoencoder and 1D CNN), after Lotfollahi et al.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;br&gt;%4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Deep Packet %1&lt;/h3&gt;&lt;p&gt;基于深度学习（堆叠自编码器和一维 CNN）的加密流量分类，源自 Lotfollahi 等人的工作。&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;br&gt;%4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Follow flow</source>
        <translation>跟踪流(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Run a&amp;gain</source>
        <translation>再次运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close analysis</source>
        <translation>关闭分析(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>跳转(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Go to packet…</source>
        <translation>转到数据包(&amp;G)…</translation>
    </message>
    <message>
        <source>Go to packet</source>
        <translation>转到数据包</translation>
    </message>
    <message>
        <source>Packet number (1 to %1):</source>
        <translation>数据包编号（1 到 %1）：</translation>
    </message>
    <message>
        <source>&amp;Analyze</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <source>Display &amp;filter</source>
        <translation>显示过滤器(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Apply as filter</source>
        <translation>作为过滤器应用(&amp;A)</translation>
    </message>
    <message>
        <source>F&amp;ollow flow</source>
        <translation>跟踪流(&amp;O)</translation>
    </message>
    <message>
        <source>No recent captures</source>
        <translation>没有最近的捕获文件</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <source>There is no packet %1</source>
        <translation>没有数据包 %1</translation>
    </message>
    <message>
        <source>Packet %1 is hidden by the filters</source>
        <translation>数据包 %1 被过滤器隐藏</translation>
    </message>
    <message>
        <source>Select a packet or a flow to follow</source>
        <translation>请选择要跟踪的数据包或流</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Packet &amp;details</source>
        <translation>数据包详情(&amp;D)</translation>
    </message>
    <message>
        <source>Packets shown, as CSV…</source>
        <translation>显示的数据包，导出为 CSV…</translation>
    </message>
    <message>
        <source>Flows shown, as CSV…</source>
        <translation>显示的流，导出为 CSV…</translation>
    </message>
    <message>
        <source>Dendrogram as Newick…</source>
        <translation>树状图导出为 Newick…</translation>
    </message>
    <message>
        <source>Dendrogram as JSON…</source>
        <translation>树状图导出为 JSON…</translation>
    </message>
    <message>
        <source>display filter %1</source>
        <translation>显示过滤器 %1</translation>
    </message>
    <message>
        <source>all %1 packets</source>
        <translation>全部 %1 个数据包</translation>
    </message>
    <message>
        <source>the %1 packets shown (%2)</source>
        <translation>显示的 %1 个数据包（%2）</translation>
    </message>
    <message>
        <source>all %1 flows</source>
        <translation>全部 %1 个流</translation>
    </message>
    <message>
        <source>the %1 flows shown (class %2)</source>
        <translation>显示的 %1 个流（类别 %2）</translation>
    </message>
    <message>
        <source>Saved %1 to %2</source>
        <translation>已将 %1 保存到 %2</translation>
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
        <translation>实时捕获…</translation>
    </message>
    <message>
        <source>&amp;Stop capture</source>
        <translation>停止捕获(&amp;S)</translation>
    </message>
    <message>
        <source>Capture &amp;live…</source>
        <translation>实时捕获(&amp;L)…</translation>
    </message>
    <message>
        <source>Sa&amp;ve capture as…</source>
        <translation>捕获另存为(&amp;V)…</translation>
    </message>
    <message>
        <source>Save the capture</source>
        <translation>保存捕获</translation>
    </message>
    <message>
        <source>pcapng captures (*.pcapng)</source>
        <translation>pcapng 捕获文件 (*.pcapng)</translation>
    </message>
    <message>
        <source>&amp;Auto scroll in live capture</source>
        <translation>实时捕获时自动滚动(&amp;A)</translation>
    </message>
    <message>
        <source>Capturing on %1: %2 packets classified (%3/s), %4 flows (%5 open)</source>
        <translation>正在 %1 上捕获：已分类 %2 个数据包（%3/秒），%4 个流（%5 个未结束）</translation>
    </message>
    <message>
        <source>Capture on %1 stopped: %2 packets classified, %3 flows</source>
        <translation>%1 上的捕获已停止：已分类 %2 个数据包，%3 个流</translation>
    </message>
    <message>
        <source>; the table keeps the newest %1</source>
        <translation>；表中保留最新的 %1 个</translation>
    </message>
    <message>
        <source>; dropped %1 by the kernel, %2 by the interface</source>
        <translation>；被内核丢弃 %1 个，被接口丢弃 %2 个</translation>
    </message>
    <message>
        <source>Deep Packet — capturing on %1</source>
        <translation>Deep Packet — 正在 %1 上捕获</translation>
    </message>
    <message>
        <source>There is no stopped live capture to save.</source>
        <translation>没有可保存的已停止的实时捕获。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Saved the capture as %1</source>
        <translation>捕获已保存为 %1</translation>
    </message>
    <message>
        <source>Packet %1 is no longer kept: the table keeps the newest %2 packets</source>
        <translation>数据包 %1 已不再保留：表中只保留最新的 %2 个数据包</translation>
    </message>
    <message>
        <source>open flows</source>
        <translation>未结束的流</translation>
    </message>
    <message>
        <source>captured</source>
        <translation>已捕获</translation>
    </message>
    <message>
        <source>dropped by the kernel</source>
        <translation>被内核丢弃</translation>
    </message>
    <message>
        <source>dropped by the interface</source>
        <translation>被接口丢弃</translation>
    </message>
    <message>
        <source>kept in the table</source>
        <translation>保留在表中</translation>
    </message>
</context>
<context>
    <name>deeppacket::ui::TrainingWizard</name>
    <message>
        <source>Train a model</source>
        <translation>训练模型</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Labelled captures</source>
        <translation>带标签的抓包文件</translation>
    </message>
    <message>
        <source>The captures to learn from (drop files or folders here), and where their true labels come from.</source>
        <translation>用于学习的抓包文件（将文件或文件夹拖放到此处），以及其真实标签的来源。</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>添加文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <translation>添加文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>Captures</source>
        <translation>抓包文件</translation>
    </message>
    <message>
        <source>Captures (*.pcap *.pcapng *.cap)</source>
        <translation>抓包文件 (*.pcap *.pcapng *.cap)</translation>
    </message>
    <message>
        <source>Folder of captures</source>
        <translation>抓包文件夹</translation>
    </message>
    <message>
        <source>Folder names</source>
        <translation>文件夹名称</translation>
    </message>
    <message>
        <source>ISCX VPN-nonVPN file names</source>
        <translation>ISCX VPN-nonVPN 文件名</translation>
    </message>
    <message>
        <source>CSV of files (file,label)</source>
        <translation>文件 CSV (file,label)</translation>
    </message>
    <message>
        <source>CSV of flows (5-tuple,label)</source>
        <translation>流 CSV（五元组,label）</translation>
    </message>
    <message>
        <source>&amp;Labels:</source>
        <translation>标签(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Task name:</source>
        <translation>任务名称(&amp;T)：</translation>
    </message>
    <message>
        <source>Network and options</source>
        <translation>网络和选项</translation>
    </message>
    <message>
        <source>The paper&apos;s networks and procedure (§3.3, §4); a flow split keeps each flow&apos;s packets out of the other sets.</source>
        <translation>论文中的网络和流程（§3.3、§4）；按流划分可使每个流的数据包不出现在其他集合中。</translation>
    </message>
    <message>
        <source>Stacked autoencoder (SAE)</source>
        <translation>堆叠自编码器 (SAE)</translation>
    </message>
    <message>
        <source>1D convolutional network (CNN)</source>
        <translation>一维卷积网络 (CNN)</translation>
    </message>
    <message>
        <source>By flow (no flow in two sets)</source>
        <translation>按流（任何流不跨两个集合）</translation>
    </message>
    <message>
        <source>By file</source>
        <translation>按文件</translation>
    </message>
    <message>
        <source>By packet (the paper&apos;s; leaks flows)</source>
        <translation>按数据包（论文的方式；流会泄漏）</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Packets kept per class while reading, drawn at random from all of them: bounds the memory a large capture set needs.</source>
        <translation>读取时每类保留的数据包，从全部数据包中随机抽取：限制大型抓包集合所需的内存。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <source>Deep Packet models (*.dpm)</source>
        <translation>Deep Packet 模型 (*.dpm)</translation>
    </message>
    <message>
        <source>&amp;Split:</source>
        <translation>划分(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Epochs (at most):</source>
        <translation>轮数（最多）(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Learning rate:</source>
        <translation>学习率(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Patience (early stopping):</source>
        <translation>耐心值（提前停止）(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Model file:</source>
        <translation>模型文件(&amp;M)：</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>&amp;Stop and keep the best model</source>
        <translation>停止并保留最佳模型(&amp;S)</translation>
    </message>
    <message>
        <source>Reading the captures: %L1 packets kept (%2 s)</source>
        <translation>正在读取抓包文件：已保留 %L1 个数据包（%2 秒）</translation>
    </message>
    <message>
        <source>Scoring the test split (%1 s)</source>
        <translation>正在评估测试集（%1 秒）</translation>
    </message>
    <message>
        <source>Training: epoch %1 of at most %2 (%3 s)</source>
        <translation>训练：第 %1 轮，最多 %2 轮（%3 秒）</translation>
    </message>
    <message>
        <source>epoch %1: loss %2, validation loss %3, accuracy %4 (%5 s)</source>
        <translation>第 %1 轮：损失 %2，验证损失 %3，准确率 %4（%5 秒）</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <source>Done: the model is saved. Press Finish to see its test split in the workspace.</source>
        <translation>完成：模型已保存。点击“完成”在工作区中查看其测试集。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Pre-training layer %1: epoch %2 (%3 s)</source>
        <translation>预训练第 %1 层：第 %2 轮（%3 秒）</translation>
    </message>
    <message>
        <source>Layer %1, epoch %2: reconstruction MSE %3</source>
        <translation>第 %1 层，第 %2 轮：重建 MSE %3</translation>
    </message>
    <message>
        <source>Zero this field of every packet: it identifies a flow, not its traffic (--%1 on the command line).</source>
        <translation>将每个数据包的此字段置零：它标识的是流，而不是流量本身（命令行中为 --%1）。</translation>
    </message>
    <message>
        <source>Fields that identify a flow:</source>
        <translation>标识流的字段：</translation>
    </message>
    <message>
        <source>Label fil&amp;e:</source>
        <translation>标签文件(&amp;E)：</translation>
    </message>
    <message>
        <source>Net&amp;work:</source>
        <translation>网络(&amp;W)：</translation>
    </message>
    <message>
        <source>SAE pre-t&amp;raining epochs per layer:</source>
        <translation>每层 SAE 预训练轮数(&amp;R)：</translation>
    </message>
    <message>
        <source>Batc&amp;h size:</source>
        <translation>批大小(&amp;H)：</translation>
    </message>
    <message>
        <source>Packets per class (at m&amp;ost):</source>
        <translation>每类数据包（最多）(&amp;O)：</translation>
    </message>
    <message>
        <source>addresses zeroed</source>
        <translation>地址置零</translation>
    </message>
    <message>
        <source>IP id masked</source>
        <translation>IP 标识已屏蔽</translation>
    </message>
    <message>
        <source>checksums masked</source>
        <translation>校验和已屏蔽</translation>
    </message>
    <message>
        <source>TCP seq/ack masked</source>
        <translation>TCP 序号/确认号已屏蔽</translation>
    </message>
    <message>
        <source>TCP timestamps masked</source>
        <translation>TCP 时间戳已屏蔽</translation>
    </message>
    <message>
        <source>IPv6 flow label masked</source>
        <translation>IPv6 流标签已屏蔽</translation>
    </message>
    <message>
        <source>TCP/UDP only</source>
        <translation>仅 TCP/UDP</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Packets per class:</source>
        <translation>每类数据包：</translation>
    </message>
    <message>
        <source>These labels cannot be used: %1</source>
        <translation>无法使用这些标签：%1</translation>
    </message>
    <message>
        <source>Counting the packets of each class…</source>
        <translation>正在统计每个类别的数据包…</translation>
    </message>
    <message>
        <source>no labelled packet</source>
        <translation>没有带标签的数据包</translation>
    </message>
    <message>
        <source>%1 packets have no label and are left out</source>
        <translation>%1 个数据包没有标签，已排除</translation>
    </message>
    <message>
        <source>At most %1 per class are kept while reading.</source>
        <translation>读取时每类最多保留 %1 个。</translation>
    </message>
    <message>
        <source>A model needs at least two classes.</source>
        <translation>模型至少需要两个类别。</translation>
    </message>
    <message>
        <source>Too few packets (under %1) to learn or to score: %2.</source>
        <translation>数据包太少（少于 %1），无法学习或评估：%2。</translation>
    </message>
</context>
<context>
    <name>ui</name>
    <message>
        <source>%1; the test split of a %2 split (%3 packets)%4</source>
        <translation>%1；%2划分的测试集（%3 个数据包）%4</translation>
    </message>
    <message>
        <source>, training stopped early by the user</source>
        <translation>，训练被用户提前停止</translation>
    </message>
</context>
</TS>
