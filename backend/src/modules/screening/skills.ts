/**
 * Skills taxonomy: canonical names with aliases, matched as whole words in one pass over the text's tokens
 * (a phrase trie, so cost grows with the text, not with the size of the taxonomy).
 *
 * Alias markers, for words that are also ordinary English or names:
 *   `^Alias`  matches only with exactly this capitalisation ("Swift", not "swift delivery").
 *   `~Alias`  as `^`, and only inside a list of skills: next to a list separator (, / | ; : ( ) & + "and"
 *             "or", a line break) AND near another, unambiguous skill ("Go, Python" but not "Go to market").
 * Every other alias matches case-insensitively. The canonical name is an alias too, unless a marked alias
 * spells it.
 */
type Entry = [canonical: string, ...aliases: string[]];

const TAXONOMY: Entry[] = [
  // ---------------------------------------------------------------- programming languages
  ['JavaScript', 'javascript', 'js', 'ecmascript', 'es6', 'es2015', 'vanilla js', 'java script'],
  ['TypeScript', 'typescript', '^TS'],
  ['Python', 'python', 'python3', 'python 3', 'python2', 'python 2', 'py3'],
  ['Java', 'java', 'core java', 'java 8', 'java se', 'advanced java'],
  ['C', '~C', 'c language', 'c programming', 'ansi c', 'embedded c'],
  ['C++', 'c++', 'cpp', 'c plus plus', 'c++11', 'c++14', 'c++17', 'c++20', 'vc++', 'visual c++'],
  ['C#', 'c#', 'c sharp', 'csharp', 'c#.net'],
  ['Go', '~Go', '~GO', 'golang', 'go lang', 'go language'],
  ['Rust', '^Rust', '^RUST', 'rust lang', 'rustlang'],
  ['Ruby', '~Ruby', 'ruby language'],
  ['PHP', 'php', 'php5', 'php7', 'php 7', 'php 8'],
  ['Swift', '^Swift', '^SWIFT', 'swift 5', 'swift language'],
  ['Kotlin', 'kotlin'],
  ['Scala', 'scala'],
  ['R', '~R', 'r programming', 'r language', 'rstudio', 'r studio', 'tidyverse'],
  ['MATLAB', 'matlab'],
  ['Perl', 'perl'],
  ['Objective-C', 'objective-c', 'objective c', 'objc', 'obj-c'],
  ['Dart', '^Dart'],
  ['Dojo', '^Dojo', 'dojo toolkit'],
  ['Apache Velocity', 'apache velocity', '~Velocity'],
  ['Elixir', 'elixir'],
  ['Erlang', 'erlang'],
  ['Haskell', 'haskell'],
  ['Clojure', 'clojure'],
  ['F#', 'f#'],
  ['Lua', 'lua'],
  ['Tcl', 'tcl'],
  ['FoxPro', 'foxpro', 'visual foxpro'],
  ['Julia', '~Julia'],
  ['Groovy', 'groovy'],
  ['Visual Basic', 'visual basic', 'vb.net', 'vb', 'vb6', 'visual basic .net'],
  ['VBScript', 'vbscript', 'vb script', 'vb scripting'],
  ['VBA', 'vba', 'excel vba', 'vba macros', 'macros'],
  ['Assembly', '~Assembly', 'assembly language', 'x86 assembly', 'arm assembly', 'asm'],
  ['COBOL', 'cobol'],
  ['Fortran', 'fortran'],
  ['Bash', 'bash', 'bash scripting', 'bash script'],
  [
    'Shell Scripting',
    'shell scripting',
    'shell script',
    'shell scripts',
    'unix shell',
    'unix shell scripting',
    '~Shell',
    'ksh',
  ],
  ['PowerShell', 'powershell'],
  ['SQL', 'sql'],
  ['PL/SQL', 'pl/sql', 'plsql', 'pl sql'],
  ['T-SQL', 't-sql', 'tsql', 'transact-sql'],
  ['Solidity', 'solidity'],
  ['HTML', 'html', 'html5', 'html 5', 'xhtml', 'dhtml'],
  ['CSS', 'css', 'css3', 'css 3'],
  ['Sass', '^Sass', 'scss', '^SASS'],
  ['Less', '~LESS', '~Less'],
  ['VHDL', 'vhdl'],
  ['Verilog', 'verilog', 'systemverilog'],
  ['Prolog', 'prolog'],
  ['Lisp', 'lisp', 'common lisp'],
  ['OCaml', 'ocaml'],
  ['Delphi', 'delphi'],
  ['ABAP', 'abap', 'sap abap'],
  ['Apex', '^Apex', '^APEX', 'salesforce apex'],
  ['XML', 'xml', 'xslt', 'xsd', 'xpath'],
  ['JSON', 'json'],
  ['YAML', 'yaml'],
  ['GraphQL', 'graphql', 'apollo graphql'],
  ['Regex', 'regex', 'regular expressions'],
  // ---------------------------------------------------------------- frontend
  ['React', '^React', '^REACT', 'react.js', 'reactjs', 'react js', 'react 18', 'react hooks'],
  ['React Native', 'react native', 'react-native'],
  [
    'Angular',
    '^Angular',
    '^ANGULAR',
    'angularjs',
    'angular.js',
    'angular js',
    'angular 2',
    'angular2',
    'angular 8',
  ],
  ['Vue.js', 'vue', 'vue.js', 'vuejs', 'vue js', 'vue 3', 'vuex'],
  ['Svelte', 'svelte', 'sveltekit'],
  ['Next.js', 'next.js', 'nextjs', 'next js'],
  ['Nuxt.js', 'nuxt', 'nuxt.js', 'nuxtjs'],
  ['jQuery', 'jquery'],
  ['Redux', 'redux', 'redux toolkit'],
  ['Bootstrap', '^Bootstrap', 'twitter bootstrap', 'bootstrap 4', 'bootstrap 5'],
  ['Tailwind CSS', 'tailwind', 'tailwind css', 'tailwindcss'],
  ['Material UI', 'material ui', 'material-ui', 'mui'],
  ['Webpack', 'webpack'],
  ['Vite', '^Vite'],
  ['Babel', '^Babel'],
  ['Ember.js', 'ember.js', 'emberjs', '^Ember'],
  ['Backbone.js', 'backbone.js', 'backbonejs', '^Backbone'],
  ['D3.js', 'd3.js', 'd3', 'd3js'],
  ['Three.js', 'three.js', 'threejs'],
  ['Gatsby', 'gatsby', 'gatsbyjs'],
  ['Storybook', 'storybook'],
  ['Flutter', 'flutter'],
  ['Ionic', 'ionic'],
  ['Xamarin', 'xamarin'],
  ['Electron', '^Electron', 'electron.js', 'electronjs'],
  ['WebGL', 'webgl'],
  ['WebSockets', 'websockets', 'websocket', 'socket.io'],
  ['AJAX', 'ajax'],
  ['Responsive Design', 'responsive design', 'responsive web design'],
  ['Accessibility', 'accessibility', 'wcag', 'a11y'],
  // ---------------------------------------------------------------- design
  ['Figma', 'figma'],
  ['Sketch', '~Sketch'],
  ['Adobe XD', 'adobe xd'],
  ['Photoshop', 'photoshop', 'adobe photoshop'],
  ['Illustrator', 'adobe illustrator', '^Illustrator'],
  ['InDesign', 'indesign', 'adobe indesign'],
  ['Premiere Pro', 'premiere pro', 'adobe premiere', 'adobe premiere pro'],
  ['After Effects', 'after effects', 'adobe after effects'],
  ['Adobe Creative Suite', 'adobe creative suite', 'adobe creative cloud', 'adobe cc'],
  ['Canva', 'canva'],
  ['CorelDRAW', 'coreldraw', 'corel draw'],
  ['UI Design', 'ui design', 'user interface design'],
  ['UX Design', 'ux design', 'user experience design', 'user experience', 'ux'],
  ['UI/UX Design', 'ui/ux', 'ux/ui', 'ui/ux design', 'ui ux'],
  ['Wireframing', 'wireframing', 'wireframes', 'wireframe'],
  ['Prototyping', 'prototyping'],
  ['User Research', 'user research'],
  ['Usability Testing', 'usability testing'],
  ['Graphic Design', 'graphic design'],
  ['Brand Identity', 'brand identity', 'visual identity'],
  ['Typography', 'typography'],
  ['Print Production', 'print production', 'print design'],
  ['Logo Design', 'logo design'],
  // ---------------------------------------------------------------- backend
  ['Node.js', 'node.js', 'nodejs', 'node js', '~Node'],
  ['Express.js', 'express.js', 'expressjs', '~Express'],
  ['NestJS', 'nestjs', 'nest.js'],
  ['Django', 'django', 'django rest framework', 'drf'],
  ['Flask', '^Flask', '^FLASK'],
  ['FastAPI', 'fastapi'],
  ['Spring Boot', 'spring boot', 'springboot', 'spring-boot'],
  ['Spring', '~Spring', 'spring framework', 'spring mvc', 'spring core', 'spring security'],
  ['Hibernate', 'hibernate', 'jpa'],
  ['Ruby on Rails', 'ruby on rails', 'rails', 'ror', 'ruby-on-rails'],
  ['Laravel', 'laravel'],
  ['Symfony', 'symfony'],
  ['CodeIgniter', 'codeigniter'],
  ['ASP.NET', 'asp.net', 'asp.net mvc', 'asp.net core', 'asp', 'asp.net web api'],
  ['.NET', '.net', '.net core', 'dotnet', '.net framework', 'dot net'],
  ['Entity Framework', 'entity framework', 'ef core'],
  ['WCF', 'wcf'],
  ['WPF', 'wpf'],
  ['LINQ', 'linq'],
  ['ADO.NET', 'ado.net'],
  ['MVC', '^MVC', 'mvc architecture'],
  [
    'REST APIs',
    'restful',
    'rest api',
    'rest apis',
    'restful api',
    'restful apis',
    'restful services',
    'rest services',
    'restful web services',
    '^REST',
  ],
  ['SOAP', '^SOAP', 'soap web services'],
  ['Web Services', 'web services', 'webservices'],
  ['gRPC', 'grpc'],
  ['Microservices', 'microservices', 'microservice', 'micro services', 'micro-services'],
  ['Kafka', 'kafka', 'apache kafka'],
  ['RabbitMQ', 'rabbitmq'],
  ['Celery', 'celery'],
  ['Redis', 'redis'],
  ['Elasticsearch', 'elasticsearch', 'elastic search', 'opensearch'],
  ['Nginx', 'nginx'],
  ['Apache Tomcat', 'tomcat', 'apache tomcat'],
  ['IIS', 'iis'],
  ['JSP', 'jsp'],
  ['Servlets', 'servlets', 'servlet', 'java servlets'],
  ['Java EE', 'j2ee', 'java ee', 'jee', 'jakarta ee', 'ejb'],
  ['JDBC', 'jdbc'],
  ['Struts', 'struts', 'apache struts'],
  ['Maven', '^Maven', 'apache maven'],
  ['Gradle', 'gradle'],
  ['OAuth', 'oauth', 'oauth2', 'oauth 2.0'],
  ['JWT', 'jwt', 'json web tokens'],
  ['Swagger', 'swagger', 'openapi'],
  ['Postman', 'postman'],
  // ---------------------------------------------------------------- testing
  ['JUnit', 'junit', 'junit5'],
  ['Mockito', 'mockito'],
  ['Selenium', 'selenium', 'selenium webdriver', 'webdriver'],
  ['Cypress', 'cypress'],
  ['Playwright', '^Playwright'],
  ['Jest', '^Jest'],
  ['Mocha', '^Mocha'],
  ['Jasmine', '~Jasmine'],
  ['pytest', 'pytest', 'py.test'],
  ['TestNG', 'testng'],
  ['Cucumber', '^Cucumber'],
  ['Appium', 'appium'],
  ['JMeter', 'jmeter', 'apache jmeter'],
  ['LoadRunner', 'loadrunner'],
  ['SoapUI', 'soapui', 'soap ui'],
  ['Unit Testing', 'unit testing', 'unit tests', 'unit test'],
  ['Integration Testing', 'integration testing', 'integration tests'],
  ['Test Automation', 'test automation', 'automation testing', 'automated testing'],
  ['Manual Testing', 'manual testing'],
  ['Regression Testing', 'regression testing'],
  ['Performance Testing', 'performance testing', 'load testing'],
  ['TDD', 'tdd', 'test-driven development', 'test driven development'],
  [
    'BDD',
    'bdd',
    'behavior-driven development',
    'behaviour driven development',
    'behavior driven development',
  ],
  ['Quality Assurance', 'quality assurance', '^QA'],
  ['Software Testing', 'software testing'],
  ['Functional Testing', 'functional testing'],
  ['Black Box Testing', 'black box testing', 'black box', 'black-box testing'],
  ['White Box Testing', 'white box testing', 'white box', 'white-box testing'],
  ['Tosca', 'tosca', 'tricentis tosca'],
  ['UFT/QTP', 'qtp', 'uft', 'hp uft', 'hp qtp', 'quick test professional', 'q.t.p'],
  ['HP ALM', 'hp alm', 'hp quality center', 'quality center', 'hp qc'],
  ['RPA', 'rpa', 'robotic process automation'],
  ['UiPath', 'uipath'],
  ['Blue Prism', 'blue prism', 'blueprism'],
  ['Automation Anywhere', 'automation anywhere'],
  // ---------------------------------------------------------------- databases and data engineering
  ['MySQL', 'mysql'],
  ['PostgreSQL', 'postgresql', 'postgres', 'psql', 'postgre', 'postgre sql'],
  ['SQLite', 'sqlite'],
  [
    'Oracle Database',
    'oracle',
    'oracle db',
    'oracle database',
    'oracle 11g',
    'oracle 12c',
    'oracle 10g',
    'oracle 9i',
    'oracle 19c',
    'oracle sql',
  ],
  ['SQL Server', 'sql server', 'ms sql', 'mssql', 'ms sql server', 'microsoft sql server', 'ms-sql'],
  ['MongoDB', 'mongodb', 'mongo', 'mongo db'],
  ['Cassandra', 'cassandra', 'apache cassandra'],
  ['DynamoDB', 'dynamodb', 'dynamo db'],
  ['MariaDB', 'mariadb'],
  ['Firebase', 'firebase', 'firestore'],
  ['Supabase', 'supabase'],
  ['Neo4j', 'neo4j'],
  ['CouchDB', 'couchdb'],
  ['Snowflake', '^Snowflake'],
  ['BigQuery', 'bigquery', 'google bigquery'],
  ['Redshift', 'redshift', 'amazon redshift'],
  ['Teradata', 'teradata'],
  ['DB2', 'db2', 'ibm db2'],
  ['HBase', 'hbase'],
  ['NoSQL', 'nosql'],
  ['Memcached', 'memcached'],
  ['Hadoop', 'hadoop', 'apache hadoop', 'hdfs', 'mapreduce'],
  ['Apache Spark', 'apache spark', '^Spark', '^SPARK', 'spark sql', 'spark streaming'],
  ['PySpark', 'pyspark'],
  ['Hive', 'apache hive', '^Hive', 'hiveql'],
  ['Pig', 'apache pig', '~Pig'],
  ['Airflow', 'airflow', 'apache airflow'],
  ['Databricks', 'databricks'],
  ['Apache Flink', 'flink', 'apache flink'],
  ['dbt', '^dbt'],
  ['ETL', 'etl', 'elt', 'etl pipelines'],
  ['Data Warehousing', 'data warehousing', 'data warehouse', 'dwh'],
  ['Data Modeling', 'data modeling', 'data modelling'],
  ['Data Engineering', 'data engineering'],
  ['Informatica', 'informatica', 'informatica powercenter'],
  ['Talend', 'talend'],
  ['IBM DataStage', 'datastage', 'ibm datastage'],
  ['SSIS', 'ssis'],
  ['SSRS', 'ssrs'],
  ['SSAS', 'ssas'],
  ['Database Design', 'database design'],
  ['DBMS', 'dbms', 'rdbms', 'database management'],
  // ---------------------------------------------------------------- data, analytics, ML
  ['Power BI', 'power bi', 'powerbi', 'power-bi'],
  ['Tableau', 'tableau'],
  ['Looker', 'looker'],
  ['Qlik', 'qlik', 'qlikview', 'qlik sense'],
  ['Cognos', 'cognos', 'ibm cognos'],
  ['OBIEE', 'obiee'],
  ['MicroStrategy', 'microstrategy'],
  ['Crystal Reports', 'crystal reports'],
  ['Excel', '^Excel', 'ms excel', 'microsoft excel', 'advanced excel', 'excel sheets', '^EXCEL', 'ms-excel'],
  ['Google Sheets', 'google sheets'],
  ['Data Analysis', 'data analysis', 'data analytics', 'analytics'],
  ['Data Visualization', 'data visualization', 'data visualisation'],
  ['Statistics', 'statistics', 'statistical analysis', 'statistical modeling', 'statistical modelling'],
  ['SPSS', 'spss', 'ibm spss'],
  ['SAS', '^SAS'],
  ['Stata', 'stata'],
  ['Pandas', 'pandas'],
  ['NumPy', 'numpy'],
  ['SciPy', 'scipy'],
  ['scikit-learn', 'scikit-learn', 'sklearn', 'scikit learn', 'scikit'],
  ['TensorFlow', 'tensorflow', 'tensor flow'],
  ['Keras', 'keras'],
  ['PyTorch', 'pytorch'],
  ['Machine Learning', 'machine learning', '^ML'],
  ['Deep Learning', 'deep learning'],
  ['NLP', 'nlp', 'natural language processing'],
  ['Computer Vision', 'computer vision'],
  ['OpenCV', 'opencv'],
  ['LLMs', 'llm', 'llms', 'large language models', 'large language model'],
  ['Generative AI', 'generative ai', 'genai', 'gen ai'],
  ['LangChain', 'langchain'],
  ['Hugging Face', 'hugging face', 'huggingface'],
  ['MLOps', 'mlops'],
  ['SageMaker', 'sagemaker', 'aws sagemaker', 'amazon sagemaker'],
  ['Kubeflow', 'kubeflow'],
  ['Vertex AI', 'vertex ai'],
  ['MLflow', 'mlflow'],
  ['Data Science', 'data science'],
  ['Big Data', 'big data'],
  ['Matplotlib', 'matplotlib'],
  ['Seaborn', 'seaborn'],
  ['Plotly', 'plotly'],
  ['Jupyter', 'jupyter', 'jupyter notebook', 'jupyter notebooks'],
  ['XGBoost', 'xgboost'],
  ['LightGBM', 'lightgbm'],
  ['Reinforcement Learning', 'reinforcement learning'],
  ['Time Series Analysis', 'time series', 'time series analysis', 'time-series'],
  ['A/B Testing', 'a/b testing', 'a/b tests', 'ab testing', 'split testing'],
  ['Predictive Modeling', 'predictive modeling', 'predictive modelling', 'predictive analytics'],
  [
    'Neural Networks',
    'neural networks',
    'neural network',
    'cnn',
    'rnn',
    'lstm',
    'convolutional neural networks',
  ],
  ['NLTK', 'nltk'],
  ['spaCy', 'spacy'],
  ['Artificial Intelligence', 'artificial intelligence', '^AI'],
  ['Data Mining', 'data mining'],
  ['Web Scraping', 'web scraping', 'web crawling'],
  ['Beautiful Soup', 'beautiful soup', 'beautifulsoup', 'bs4'],
  ['Scrapy', 'scrapy'],
  ['Feature Engineering', 'feature engineering'],
  // ---------------------------------------------------------------- cloud and devops
  ['AWS', 'aws', 'amazon web services'],
  ['Azure', 'azure', 'microsoft azure', 'ms azure'],
  ['GCP', 'gcp', 'google cloud', 'google cloud platform'],
  ['AWS EC2', 'ec2', 'aws ec2', 'amazon ec2'],
  ['AWS S3', '^S3', 'aws s3', 'amazon s3'],
  ['AWS Lambda', 'aws lambda', '~Lambda'],
  ['CloudFormation', 'cloudformation', 'aws cloudformation'],
  ['Docker', 'docker', 'docker compose', 'docker-compose', 'dockerfile'],
  ['Kubernetes', 'kubernetes', 'k8s', 'eks', 'aks', 'gke'],
  ['Helm', '^Helm'],
  ['Terraform', 'terraform'],
  ['Ansible', 'ansible'],
  ['Chef', '^Chef'],
  ['Puppet', '^Puppet'],
  ['Jenkins', '^Jenkins', '^JENKINS', 'jenkins pipelines'],
  ['GitHub Actions', 'github actions'],
  ['GitLab CI', 'gitlab ci', 'gitlab ci/cd', 'gitlab-ci'],
  ['CircleCI', 'circleci', 'circle ci'],
  ['Travis CI', 'travis ci', 'travis-ci', 'travisci'],
  [
    'CI/CD',
    'ci/cd',
    'ci cd',
    'ci-cd',
    'cicd',
    'continuous integration',
    'continuous delivery',
    'continuous deployment',
  ],
  ['DevOps', 'devops', 'dev ops'],
  ['Git', 'git'],
  ['GitHub', 'github'],
  ['GitLab', 'gitlab'],
  ['Bitbucket', 'bitbucket'],
  ['SVN', 'svn', 'subversion', 'tortoise svn', 'tortoisesvn'],
  ['TFS', 'tfs', 'team foundation server'],
  ['Linux', 'linux', 'gnu/linux'],
  ['Unix', 'unix'],
  [
    'Windows',
    '^Windows',
    'ms windows',
    'microsoft windows',
    'windows server',
    'windows xp',
    'windows 7',
    'windows 10',
    'windows 11',
  ],
  ['macOS', 'macos', 'mac os', 'os x', 'mac os x'],
  ['Ubuntu', 'ubuntu'],
  ['Red Hat Linux', 'red hat', 'redhat', 'rhel', 'red hat linux'],
  ['CentOS', 'centos'],
  ['Prometheus', 'prometheus'],
  ['Grafana', 'grafana'],
  ['Datadog', 'datadog'],
  ['Splunk', 'splunk'],
  ['ELK Stack', 'elk', 'elk stack', 'kibana', 'logstash'],
  ['New Relic', 'new relic', 'newrelic'],
  ['Nagios', 'nagios'],
  ['Networking', '^Networking', 'computer networks', 'computer networking', 'network administration'],
  ['TCP/IP', 'tcp/ip', 'tcp', 'udp'],
  ['DNS', 'dns'],
  ['Load Balancing', 'load balancing', 'load balancer', 'load balancers'],
  ['OpenShift', 'openshift'],
  ['Serverless', 'serverless'],
  ['Vagrant', 'vagrant'],
  ['VMware', 'vmware', 'vsphere', 'esxi'],
  ['Citrix', 'citrix'],
  ['Active Directory', 'active directory'],
  ['Exchange Server', 'exchange server', 'ms exchange', 'microsoft exchange'],
  ['Heroku', 'heroku'],
  ['Vercel', 'vercel'],
  ['Netlify', 'netlify'],
  ['DigitalOcean', 'digitalocean', 'digital ocean'],
  ['Cloudflare', 'cloudflare'],
  ['Istio', 'istio'],
  ['Argo CD', 'argo cd', 'argocd'],
  ['Site Reliability Engineering', 'site reliability engineering', '^SRE'],
  ['Infrastructure as Code', 'infrastructure as code', '^IaC'],
  ['Cloud Computing', 'cloud computing'],
  ['Virtualization', 'virtualization', 'virtualisation', 'kvm', 'virtualbox', 'virtual box'],
  ['Mainframe', 'mainframe', 'mainframes', 'z/os'],
  ['JCL', 'jcl'],
  ['CICS', 'cics'],
  ['VSAM', 'vsam'],
  ['Azure DevOps', 'azure devops', 'vsts', 'visual studio team services'],
  ['Cisco', 'cisco', 'ccna', 'ccnp', 'ccie', 'cisco ios'],
  ['Routing and Switching', 'routing and switching', 'routing & switching', 'routing protocols'],
  ['DHCP', 'dhcp'],
  ['OSPF', 'ospf'],
  ['EIGRP', 'eigrp'],
  ['BGP', 'bgp'],
  ['MPLS', 'mpls'],
  ['VLAN', 'vlan', 'vlans'],
  ['VPN', 'vpn', 'vpns'],
  ['IPsec', 'ipsec'],
  ['LAN/WAN', 'lan', 'wan', 'lan/wan', 'lan & wan'],
  ['SCCM', 'sccm'],
  ['SCOM', 'scom'],
  ['WebLogic', 'weblogic', 'web logic', 'oracle weblogic'],
  ['WebSphere', 'websphere', 'ibm websphere'],
  ['Socket Programming', 'socket programming', 'sockets'],
  ['Lotus Notes', 'lotus notes', '^Lotus'],
  ['VxWorks', 'vxworks'],
  ['Troubleshooting', 'troubleshooting'],
  ['Incident Management', 'incident management'],
  // ---------------------------------------------------------------- security
  ['Cybersecurity', 'cybersecurity', 'cyber security', 'information security', 'infosec', 'it security'],
  ['Network Security', 'network security'],
  ['Penetration Testing', 'penetration testing', 'pen testing', 'pentesting', 'ethical hacking'],
  ['OWASP', 'owasp'],
  ['SIEM', 'siem'],
  ['Identity and Access Management', 'identity and access management', '^IAM'],
  ['Firewalls', 'firewall', 'firewalls'],
  ['ISO 27001', 'iso 27001', 'iso27001'],
  ['GDPR', 'gdpr'],
  ['HIPAA', 'hipaa'],
  ['Wireshark', 'wireshark'],
  ['Metasploit', 'metasploit'],
  ['Burp Suite', 'burp suite', 'burpsuite'],
  ['Nmap', 'nmap'],
  ['Kali Linux', 'kali linux'],
  // ---------------------------------------------------------------- mobile, embedded, engineering tools
  ['Android', 'android', 'android development', 'android sdk'],
  ['iOS', 'ios', 'ios development'],
  ['SwiftUI', 'swiftui'],
  ['Jetpack Compose', 'jetpack compose'],
  ['Android Studio', 'android studio'],
  ['Xcode', 'xcode'],
  ['Embedded Systems', 'embedded systems', 'embedded system', 'embedded software'],
  ['Arduino', 'arduino'],
  ['Raspberry Pi', 'raspberry pi'],
  ['IoT', 'iot', 'internet of things'],
  ['PLC', 'plc', 'plc programming'],
  ['AutoCAD', 'autocad', 'auto cad'],
  ['SolidWorks', 'solidworks', 'solid works'],
  ['CATIA', 'catia'],
  ['ANSYS', 'ansys'],
  ['Simulink', 'simulink'],
  ['LabVIEW', 'labview'],
  ['Revit', 'revit'],
  ['Blender', '^Blender'],
  ['Unity', '^Unity', 'unity3d', 'unity 3d'],
  ['Unreal Engine', 'unreal engine'],
  ['OpenGL', 'opengl'],
  ['CUDA', 'cuda'],
  ['FPGA', 'fpga'],
  ['RTOS', 'rtos'],
  ['Microcontrollers', 'microcontrollers', 'microcontroller'],
  // ---------------------------------------------------------------- computer science fundamentals
  ['Data Structures', 'data structures', 'data structure', 'dsa'],
  ['Algorithms', 'algorithms', 'algorithm design'],
  [
    'OOP',
    'oop',
    'oops',
    'object oriented programming',
    'object-oriented programming',
    'object oriented design',
    'ood',
    'object-oriented design',
  ],
  ['Design Patterns', 'design patterns'],
  ['System Design', 'system design'],
  ['Distributed Systems', 'distributed systems', 'distributed computing'],
  ['Multithreading', 'multithreading', 'multi-threading', 'concurrency'],
  ['Operating Systems', 'operating systems', 'operating system'],
  ['Web Development', 'web development', 'web dev', 'web application development'],
  // Bare "backend"/"full stack" name an area, not a skill ("Senior Backend Engineer" asks for no extra skill).
  [
    'Full Stack Development',
    'full stack development',
    'full-stack development',
    'mern stack',
    'mean stack',
    'mern',
  ],
  ['Frontend Development', 'frontend development', 'front-end development', 'front end development'],
  ['Backend Development', 'backend development', 'back-end development', 'back end development'],
  ['API Design', 'api design', 'api development'],
  ['Software Architecture', 'software architecture', 'solution architecture'],
  ['Mobile Development', 'mobile development', 'mobile app development'],
  ['SDLC', 'sdlc', 'software development life cycle', 'software development lifecycle'],
  ['STLC', 'stlc'],
  ['Blockchain', 'blockchain'],
  // ---------------------------------------------------------------- enterprise and business software
  ['SAP', '^SAP', 'sap erp', 'sap r/3', 'sap hana', 'sap s/4hana', 'hana', 'sap security', 'sap basis'],
  ['SAP FICO', 'sap fico', 'sap fi/co', 'sap fi co', '^FICO'],
  ['SAP SD', 'sap sd'],
  ['SAP MM', 'sap mm'],
  ['Salesforce', 'salesforce', 'sales force', 'sfdc', 'salesforce crm'],
  ['HubSpot', 'hubspot'],
  ['Zoho', 'zoho', 'zoho crm'],
  [
    'Microsoft Dynamics',
    'microsoft dynamics',
    'ms dynamics',
    'dynamics 365',
    'dynamics crm',
    'dynamics ax',
    'navision',
  ],
  ['ServiceNow', 'servicenow', 'service now'],
  ['Workday', 'workday'],
  ['SuccessFactors', 'successfactors', 'sap successfactors'],
  ['Oracle E-Business Suite', 'oracle ebs', 'oracle e-business suite', 'oracle apps', 'oracle erp'],
  ['PeopleSoft', 'peoplesoft'],
  ['Siebel', 'siebel'],
  ['Hyperion', 'hyperion'],
  ['Pega', 'pega', 'pegasystems', 'pega prpc'],
  ['Tally', '^Tally', 'tally erp', 'tally erp 9', 'tally.erp 9', 'tally prime'],
  ['QuickBooks', 'quickbooks', 'quick books'],
  ['Xero', 'xero'],
  ['NetSuite', 'netsuite'],
  ['ERP', 'erp', 'erp systems'],
  ['CRM', 'crm', 'customer relationship management'],
  ['Zendesk', 'zendesk'],
  ['Freshdesk', 'freshdesk'],
  ['Marketo', 'marketo'],
  ['Mailchimp', 'mailchimp'],
  ['Google Analytics', 'google analytics'],
  ['Google Ads', 'google ads', 'google adwords', 'adwords'],
  ['SEO', 'seo', 'search engine optimization', 'search engine optimisation'],
  ['SEM', '^SEM', 'search engine marketing'],
  ['Social Media Marketing', 'social media marketing', 'social media management', 'smm'],
  ['Content Marketing', 'content marketing'],
  ['Digital Marketing', 'digital marketing', 'online marketing'],
  ['Email Marketing', 'email marketing'],
  ['Copywriting', 'copywriting', 'copy writing'],
  ['Content Writing', 'content writing', 'technical writing'],
  ['WordPress', 'wordpress'],
  ['Shopify', 'shopify'],
  ['Magento', 'magento'],
  // ---------------------------------------------------------------- office and collaboration tools
  [
    'Microsoft Office',
    'microsoft office',
    'ms office',
    'msoffice',
    'ms-office',
    'office 365',
    'microsoft 365',
    'o365',
    'ms office suite',
  ],
  ['Microsoft Word', 'ms word', 'microsoft word', '~Word', 'ms-word', 'microsoft-word'],
  [
    'PowerPoint',
    'powerpoint',
    'power point',
    'ms powerpoint',
    'microsoft powerpoint',
    'ms-powerpoint',
    'power-point',
    'ms power point',
  ],
  ['Outlook', '^Outlook', 'ms outlook', 'microsoft outlook'],
  ['Microsoft Access', 'ms access', 'microsoft access', '~Access'],
  ['Google Workspace', 'google workspace', 'g suite', 'gsuite', 'google docs', 'google suite'],
  ['SharePoint', 'sharepoint'],
  ['Microsoft Teams', 'microsoft teams', 'ms teams', '~Teams'],
  ['Visio', 'visio', 'ms visio', 'microsoft visio'],
  ['Microsoft Project', 'ms project', 'microsoft project'],
  ['Jira', 'jira', 'atlassian jira'],
  ['Confluence', 'confluence'],
  ['Trello', 'trello'],
  ['Asana', 'asana'],
  ['Slack', '^Slack'],
  ['Notion', '~Notion'],
  ['Visual Studio', 'visual studio'],
  ['Oracle SQL Developer', 'sql developer', 'oracle sql developer'],
  ['Toad', '^Toad', 'toad for oracle'],
  ['PuTTY', 'putty'],
  ['WinSCP', 'winscp'],
  ['NetBeans', 'netbeans'],
  ['Perforce', 'perforce'],
  ['VS Code', 'vs code', 'vscode', 'visual studio code'],
  ['IntelliJ IDEA', 'intellij', 'intellij idea'],
  ['Eclipse', '^Eclipse', 'eclipse ide'],
  // ---------------------------------------------------------------- finance and accounting
  ['Accounting', 'accounting', 'accountancy'],
  ['Financial Analysis', 'financial analysis'],
  ['Financial Modeling', 'financial modeling', 'financial modelling'],
  ['Budgeting', 'budgeting', 'budget management', 'budget planning'],
  ['Forecasting', 'forecasting', 'financial forecasting'],
  ['Bookkeeping', 'bookkeeping', 'book keeping'],
  ['Accounts Payable', 'accounts payable'],
  ['Accounts Receivable', 'accounts receivable'],
  ['Auditing', 'auditing', 'internal audit', 'statutory audit', 'external audit'],
  ['Taxation', 'taxation', 'income tax', 'tax planning', 'direct tax', 'indirect tax', 'tax compliance'],
  ['GST', 'gst'],
  ['IFRS', 'ifrs'],
  ['GAAP', 'gaap', 'us gaap'],
  ['Financial Reporting', 'financial reporting', 'financial statements'],
  ['Payroll', 'payroll', 'payroll processing'],
  [
    'Reconciliation',
    '^Reconciliation',
    'bank reconciliation',
    'account reconciliation',
    'accounts reconciliation',
  ],
  ['Cost Accounting', 'cost accounting', 'costing'],
  ['Risk Management', 'risk management', 'risk assessment'],
  ['Compliance', '^Compliance', 'regulatory compliance'],
  ['Valuation', 'valuation', 'valuations'],
  ['Equity Research', 'equity research'],
  ['Treasury', 'treasury', 'treasury management'],
  ['Credit Analysis', 'credit analysis', 'credit risk'],
  ['Anti-Money Laundering', 'anti-money laundering', 'anti money laundering', '^AML'],
  ['KYC', 'kyc'],
  ['Investment Banking', 'investment banking'],
  ['Portfolio Management', 'portfolio management'],
  // ---------------------------------------------------------------- healthcare
  ['Patient Care', 'patient care'],
  ['Patient Assessment', 'patient assessment', 'patient assessments'],
  ['Medication Administration', 'medication administration'],
  ['IV Therapy', 'iv therapy', 'iv cannulation', 'intravenous therapy'],
  ['Wound Care', 'wound care', 'wound management'],
  ['BLS', '^BLS', 'basic life support'],
  ['ALS', '^ALS', 'advanced life support'],
  ['ACLS', 'acls'],
  ['CPR', '^CPR'],
  ['Triage', '^Triage'],
  ['Infection Control', 'infection control'],
  [
    'Electronic Health Records',
    'electronic health records',
    'electronic health record',
    '^EHR',
    '^EMR',
    'electronic medical records',
  ],
  ['Epic', '^Epic', 'epic systems', 'epic emr'],
  ['Cerner', 'cerner'],
  // ---------------------------------------------------------------- people and HR
  ['Recruitment', 'recruitment', 'recruiting', 'talent acquisition'],
  ['Onboarding', '^Onboarding', 'employee onboarding'],
  ['Employee Relations', 'employee relations'],
  ['Performance Management', 'performance management', 'performance appraisal', 'performance appraisals'],
  [
    'Compensation and Benefits',
    'compensation and benefits',
    'compensation & benefits',
    'benefits administration',
  ],
  ['HRIS', 'hris'],
  [
    'Training and Development',
    'training and development',
    'learning and development',
    'l&d',
    'training & development',
  ],
  ['Labor Law', 'labor law', 'labour law', 'labour laws', 'labor laws', 'employment law'],
  ['Succession Planning', 'succession planning'],
  ['Workforce Planning', 'workforce planning'],
  ['Applicant Tracking Systems', 'applicant tracking system', 'applicant tracking systems'],
  ['Human Resources', 'human resources', 'hr management', 'human resource management', 'hrm'],
  // ---------------------------------------------------------------- sales, marketing and customers
  // Bare "Sales" is mostly a department or a document ("Sales Order"); it counts in a list of skills.
  [
    'Sales',
    '~Sales',
    'sales management',
    'inside sales',
    'it sales',
    'technical sales',
    'direct sales',
    'retail sales',
    'sales strategy',
  ],
  ['Business Development', 'business development'],
  ['Lead Generation', 'lead generation'],
  ['Cold Calling', 'cold calling'],
  ['Account Management', 'account management', 'key account management'],
  ['Customer Service', 'customer service', 'customer support', 'customer care'],
  ['Customer Success', '^Customer Success', 'customer success management'],
  ['Negotiation', 'negotiation', 'negotiation skills', 'negotiating'],
  ['B2B Sales', 'b2b', 'b2b sales'],
  ['Presales', 'presales', 'pre-sales', 'pre sales'],
  ['Market Research', 'market research', 'market analysis'],
  ['Marketing', '~Marketing', 'marketing strategy', 'marketing campaigns'],
  ['Brand Management', 'brand management', 'branding'],
  ['Public Relations', 'public relations'],
  ['Event Management', 'event management', 'event planning'],
  ['Merchandising', '^Merchandising', 'visual merchandising'],
  ['Retail Management', 'retail management'],
  // ---------------------------------------------------------------- product, project and operations
  ['Project Management', 'project management', 'project planning'],
  ['Program Management', 'program management', 'programme management'],
  ['Product Management', 'product management'],
  ['Agile', 'agile', 'agile methodologies', 'agile methodology', 'agile development'],
  ['Scrum', 'scrum', 'scrum master'],
  ['Kanban', 'kanban'],
  ['Waterfall', '^Waterfall'],
  ['Lean', 'lean manufacturing', 'lean management', '~Lean'],
  ['Six Sigma', 'six sigma', 'lean six sigma'],
  ['PMP', 'pmp'],
  ['PRINCE2', 'prince2'],
  ['ITIL', 'itil'],
  ['Stakeholder Management', 'stakeholder management', 'stakeholder engagement'],
  ['Change Management', 'change management'],
  [
    'Requirements Gathering',
    'requirements gathering',
    'requirement gathering',
    'requirements analysis',
    'requirement analysis',
  ],
  ['Business Analysis', 'business analysis'],
  ['Process Improvement', 'process improvement', 'continuous improvement'],
  ['Product Roadmapping', 'product roadmap', 'product roadmaps', 'roadmapping', 'roadmap planning'],
  ['User Stories', 'user stories', 'user story'],
  ['OKRs', 'okrs', 'okr'],
  ['Vendor Management', 'vendor management'],
  ['Supply Chain Management', 'supply chain management', 'supply chain'],
  ['Logistics', '^Logistics', 'logistics management', 'logistics operations'],
  ['Inventory Management', 'inventory management', 'inventory control'],
  ['Procurement', '^Procurement', 'purchasing', 'strategic sourcing', 'procurement management'],
  ['Operations Management', 'operations management'],
  ['Quality Control', 'quality control'],
  ['Strategic Planning', 'strategic planning', 'strategy development'],
  ['Business Intelligence', 'business intelligence'],
  // ---------------------------------------------------------------- professional skills
  ['Leadership', 'leadership', 'team leadership'],
  [
    'Communication',
    'communication',
    'communication skills',
    'verbal communication',
    'written communication',
    'communications',
  ],
  ['Teamwork', 'teamwork', 'team work', 'team player'],
  ['Problem Solving', 'problem solving', 'problem-solving'],
  ['Critical Thinking', 'critical thinking'],
  ['Time Management', 'time management'],
  ['Public Speaking', 'public speaking'],
  ['Mentoring', 'mentoring', 'mentorship', 'coaching'],
  ['Team Management', 'team management', 'people management', 'team building'],
  ['Presentation Skills', 'presentation skills', 'presentations'],
  ['Analytical Skills', 'analytical skills', 'analytical thinking'],
  ['Interpersonal Skills', 'interpersonal skills'],
  ['Conflict Resolution', 'conflict resolution'],
  ['Decision Making', 'decision making', 'decision-making'],
];

type Mode = 'any-case' | 'exact-case' | 'list-only';

interface AliasMatch {
  canonical: string;
  mode: Mode;
  /** The alias as written, for exact-case comparison. */
  surface: string;
}

interface TrieNode {
  matches: AliasMatch[];
  children: Map<string, TrieNode>;
}

// A token is a run of letters/digits (with + and # kept, for C++ and C#), or a dot-led word such as ".NET".
const TOKEN_RE = /(?<![\p{L}\p{N}])\.?[\p{L}\p{N}][\p{L}\p{N}+#]*/gu;
// What may sit between the tokens of one alias: nothing else than these, so "node.js" ≠ "node, js".
const JOINER_RE = /^(?:\s+|[.\-/&]|\s*&\s*)$/;
// A bare "&" is left out: "R&D" is not R in a list.
const LIST_SEPARATOR_RE = /[,;/|():+\n]|\s&\s/;
const LIST_WORDS = new Set(['and', 'or']);
// Words that stop a match: "(Less than 1 year)" is not the LESS stylesheet language.
const FOLLOWED_BY_VETO: Record<string, RegExp> = { Less: /^\s+than\b/i };
// Skills that double as the label of a list ("Operating Systems: Linux, Windows" names no skill by itself).
const CATEGORY_SKILLS = new Set([
  'Operating Systems',
  'Networking',
  'Web Development',
  'Web Services',
  'Cloud Computing',
  'DBMS',
  'Mobile Development',
  'Software Testing',
  'Frontend Development',
  'Backend Development',
]);
/** How many tokens away an unambiguous skill must be for a `~` alias to count as part of a skills list. */
const LIST_CONTEXT_TOKENS = 6;

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    tokens.push({ text: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** The separator between two tokens as the trie sees it: any whitespace run is one space. */
function joinerKey(between: string): string | null {
  if (between.length === 0) {
    return '';
  }
  if (!JOINER_RE.test(between)) {
    return null;
  }
  return /^\s+$/.test(between) ? ' ' : between.trim();
}

const ROOT: TrieNode = { matches: [], children: new Map() };
const ALIAS_TO_CANONICAL = new Map<string, string>();
const CANONICAL_NAMES: string[] = [];

function addAlias(canonical: string, written: string): void {
  const mode: Mode = written.startsWith('~')
    ? 'list-only'
    : written.startsWith('^')
      ? 'exact-case'
      : 'any-case';
  const surface = mode === 'any-case' ? written : written.slice(1);
  ALIAS_TO_CANONICAL.set(surface.toLowerCase(), canonical);
  const tokens = tokenize(surface);
  let node = ROOT;
  let prevEnd = 0;
  tokens.forEach((token, i) => {
    const joiner = i === 0 ? '' : joinerKey(surface.slice(prevEnd, token.start));
    if (joiner === null) {
      throw new Error(`skills taxonomy: alias "${written}" has an unsupported separator`);
    }
    const key = `${joiner}${token.lower}`;
    let child = node.children.get(key);
    if (!child) {
      child = { matches: [], children: new Map() };
      node.children.set(key, child);
    }
    node = child;
    prevEnd = token.end;
  });
  node.matches.push({ canonical, mode, surface: tokens.map((t) => t.text).join(' ') });
}

for (const [canonical, ...aliases] of TAXONOMY) {
  CANONICAL_NAMES.push(canonical);
  const marked = new Set(aliases.filter((a) => /^[~^]/.test(a)).map((a) => a.slice(1).toLowerCase()));
  const all = marked.has(canonical.toLowerCase()) ? aliases : [canonical, ...aliases];
  for (const alias of new Set(all)) {
    addAlias(canonical, alias);
  }
}

// Links and e-mail addresses name products ("github.com/jane", "jane@python.org") without claiming a skill.
const URL_OR_EMAIL_RE =
  /\bhttps?:\/\/\S+|\bwww\.\S+|\S+@\S+\.\w+|\b(?:linkedin|github|gitlab|bitbucket|twitter|medium|behance|dribbble|kaggle|stackoverflow|leetcode)\.com\S*/gi;

interface Hit {
  canonical: string;
  index: number;
  firstToken: number;
  lastToken: number;
  isListOnly: boolean;
}

function isListSeparated(
  text: string,
  tokens: Token[],
  first: number,
  last: number,
  needsBothSides: boolean,
): boolean {
  const before =
    first > 0 ? text.slice((tokens[first - 1] as Token).end, (tokens[first] as Token).start) : '\n';
  const after =
    last < tokens.length - 1
      ? text.slice((tokens[last] as Token).end, (tokens[last + 1] as Token).start)
      : '\n';
  const prevWord = tokens[first - 1]?.lower;
  const nextWord = tokens[last + 1]?.lower;
  const isSeparatedBefore =
    LIST_SEPARATOR_RE.test(before) ||
    (prevWord !== undefined && LIST_WORDS.has(prevWord) && /^\s+$/.test(before));
  const isSeparatedAfter =
    LIST_SEPARATOR_RE.test(after) ||
    (nextWord !== undefined && LIST_WORDS.has(nextWord) && /^\s+$/.test(after));
  return needsBothSides ? isSeparatedBefore && isSeparatedAfter : isSeparatedBefore || isSeparatedAfter;
}

type Confidence = 'confident' | 'list-only' | 'list-strict';

/**
 * How far a match can be trusted given how it is written. `^Excel` is confident as "Excel" or "EXCEL"
 * (upper-case skill lists are common); in any other case it must sit between list separators on both sides
 * ("excel, powerpoint" but not "excel at" nor "role-based access,"). `~` aliases always need list context;
 * one-letter ones (C, R) must be capitals.
 */
function confidenceOf(match: AliasMatch, tokens: Token[], first: number, last: number): Confidence | null {
  if (match.mode === 'any-case') {
    return 'confident';
  }
  const written = tokens
    .slice(first, last + 1)
    .map((t) => t.text)
    .join(' ');
  const isAsSpelled = written === match.surface || written === match.surface.toUpperCase();
  if (isAsSpelled) {
    return match.mode === 'exact-case' ? 'confident' : 'list-only';
  }
  return match.surface.length > 1 ? 'list-strict' : null;
}

function scan(rawText: string): Hit[] {
  const text = rawText.replace(URL_OR_EMAIL_RE, (m) => ' '.repeat(m.length));
  const tokens = tokenize(text);
  const hits: Hit[] = [];
  let i = 0;
  while (i < tokens.length) {
    let node = ROOT.children.get((tokens[i] as Token).lower);
    let best: { match: AliasMatch; last: number; confidence: Confidence } | null = null;
    let j = i;
    while (node) {
      for (const match of node.matches) {
        const confidence = confidenceOf(match, tokens, i, j);
        if (
          confidence &&
          (best === null || best.last < j || (confidence === 'confident' && best.confidence !== 'confident'))
        ) {
          best = { match, last: j, confidence };
        }
      }
      const next = tokens[j + 1];
      if (!next) {
        break;
      }
      const joiner = joinerKey(text.slice((tokens[j] as Token).end, next.start));
      if (joiner === null) {
        break;
      }
      node = node.children.get(`${joiner}${next.lower}`);
      j++;
    }
    if (best) {
      const isListOnly = best.confidence !== 'confident';
      const matchEnd = (tokens[best.last] as Token).end;
      const textAfter = text.slice(matchEnd, matchEnd + 12);
      const isLabel = CATEGORY_SKILLS.has(best.match.canonical) && /^\s*:/.test(textAfter);
      if (isLabel || FOLLOWED_BY_VETO[best.match.canonical]?.test(textAfter)) {
        i = best.last + 1;
        continue;
      }
      if (!isListOnly || isListSeparated(text, tokens, i, best.last, best.confidence === 'list-strict')) {
        hits.push({
          canonical: best.match.canonical,
          index: (tokens[i] as Token).start,
          firstToken: i,
          lastToken: best.last,
          isListOnly,
        });
      }
      i = best.last + 1;
    } else {
      i++;
    }
  }
  // An ambiguous word counts only beside a skill that needs no such help ("Go, Python", not "Go, team").
  return hits.filter(
    (hit) =>
      !hit.isListOnly ||
      hits.some(
        (other) =>
          !other.isListOnly &&
          other.canonical !== hit.canonical &&
          Math.abs(other.firstToken - hit.firstToken) <=
            LIST_CONTEXT_TOKENS + (hit.lastToken - hit.firstToken),
      ),
  );
}

/** Canonical skills mentioned in `text`, in order of first mention. */
/**
 * Professional ("soft") skills: real requirements in a JD's prose, but resumes rarely list them, so counting
 * them as required skills would mark nearly everyone as missing them.
 */
const SOFT_SKILLS = new Set([
  'Leadership',
  'Communication',
  'Teamwork',
  'Problem Solving',
  'Critical Thinking',
  'Time Management',
  'Public Speaking',
  'Mentoring',
  'Team Management',
  'Presentation Skills',
  'Analytical Skills',
  'Interpersonal Skills',
  'Conflict Resolution',
  'Decision Making',
]);

export function isSoftSkill(canonical: string): boolean {
  return SOFT_SKILLS.has(canonical);
}

export function findSkills(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const hit of scan(text)) {
    if (!seen.has(hit.canonical)) {
      seen.add(hit.canonical);
      out.push(hit.canonical);
    }
  }
  return out;
}

const VERSION_SUFFIX_RE = /\s*(?:v(?:ersion)?\s*)?\d+(?:\.\d+)*\+?(?:\.x)?$/i;

/** The canonical name for a skill as someone wrote it (`k8s` → `Kubernetes`), or null if unknown. */
export function canonicalizeSkill(raw: string): string | null {
  const key = raw.trim().replace(/\s+/g, ' ').toLowerCase();
  if (key.length === 0) {
    return null;
  }
  const direct = ALIAS_TO_CANONICAL.get(key);
  if (direct) {
    return direct;
  }
  // "Python 3.11", "Angular 15": the version does not change the skill.
  const unversioned = key.replace(VERSION_SUFFIX_RE, '');
  if (unversioned !== key && unversioned.length > 0) {
    const found = ALIAS_TO_CANONICAL.get(unversioned);
    if (found) {
      return found;
    }
  }
  // "Amazon Web Services (AWS)": either the name or the bracketed abbreviation.
  const paren = /^(.+?)\s*\(([^)]+)\)$/.exec(key);
  if (paren) {
    return (
      ALIAS_TO_CANONICAL.get((paren[1] ?? '').trim()) ??
      ALIAS_TO_CANONICAL.get((paren[2] ?? '').trim()) ??
      null
    );
  }
  return null;
}

/** Every canonical skill name in the taxonomy, in taxonomy order. */
export function allCanonicalSkills(): string[] {
  return [...CANONICAL_NAMES];
}
