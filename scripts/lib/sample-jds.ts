/**
 * The two job descriptions in samples/jds. Skills are named only where the posting means them: the
 * required ones in the title, "About the role", "Responsibilities" and "Requirements"; the optional
 * ones only under "Nice to have" — so a JD parser that reads sections gets exactly `requiredSkills`.
 */

export interface SampleJd {
  file: string;
  title: string;
  requiredSkills: string[];
  requiredYears: number;
  niceToHaveSkills: string[];
  text: string;
}

export const FULL_STACK_JD: SampleJd = {
  file: 'senior-full-stack-engineer.txt',
  title: 'Senior Full-Stack Engineer',
  requiredSkills: [
    'TypeScript',
    'JavaScript',
    'React',
    'Node.js',
    'PostgreSQL',
    'AWS',
    'Docker',
    'Kubernetes',
  ],
  requiredYears: 5,
  niceToHaveSkills: [
    'GraphQL',
    'Next.js',
    'Redis',
    'Kafka',
    'Terraform',
    'GitHub Actions',
    'CI/CD',
    'Playwright',
    'Cypress',
    'HIPAA',
  ],
  text: `Senior Full-Stack Engineer (TypeScript / React / Node.js)
Larkspur Health — Remote (US and UK time zones) or Boston, MA
Full time

About the role
Larkspur Health builds the scheduling and billing platform used by 900 independent clinics. You will join a
six-person product team and own features end to end: from the PostgreSQL schema and the Node.js services to
the React screens that front-desk staff use all day, all running on AWS with Docker and Kubernetes.

Responsibilities
- Design, build and ship product features across the whole stack in TypeScript.
- Shape our service APIs and data model together with product and design.
- Keep the platform fast and reliable: profiling, query tuning, on-call one week in six.
- Review code, mentor mid-level engineers and raise the bar on testing.

Requirements (must have)
- 5+ years of professional software engineering experience.
- Strong TypeScript and modern JavaScript.
- React for production web applications (hooks, state management, component testing).
- Node.js for backend services and APIs.
- PostgreSQL: schema design, migrations and query tuning.
- AWS in production.
- Docker and Kubernetes: you have shipped and debugged containerised services.

Nice to have
- GraphQL or Next.js
- Redis or Kafka
- Terraform, GitHub Actions and CI/CD pipelines you built yourself
- End-to-end testing with Playwright or Cypress
- Experience with healthcare data and HIPAA

What we offer
- Salary $165,000 – $195,000 plus equity
- Private health, dental and vision cover
- 30 days of paid leave and a yearly learning budget
`,
};

export const DATA_SCIENCE_JD: SampleJd = {
  file: 'data-scientist-ml-engineer.txt',
  title: 'Data Scientist / ML Engineer',
  requiredSkills: [
    'Python',
    'Pandas',
    'NumPy',
    'SQL',
    'scikit-learn',
    'Machine Learning',
    'PyTorch',
    'TensorFlow',
    'MLOps',
  ],
  requiredYears: 3,
  niceToHaveSkills: ['MLflow', 'Airflow', 'Docker', 'Kubernetes', 'AWS', 'SageMaker', 'Apache Spark', 'NLP'],
  text: `Data Scientist / Machine Learning Engineer
Corvid Labs — Hybrid (London or Berlin)
Full time

About the role
Corvid Labs forecasts demand for 40 grocery and pharmacy chains. You will take models from the first
notebook to production: exploring data with Python and SQL, training models with scikit-learn, PyTorch or
TensorFlow, and running the MLOps that keeps them accurate week after week.

Responsibilities
- Turn business questions (stock-outs, promotions, waste) into well-posed modelling problems.
- Build features and train, evaluate and explain models.
- Ship models to production and monitor them for drift, then retrain.
- Share results with category managers in plain language.

Requirements
- 3+ years of professional experience as a data scientist or machine learning engineer.
- Python, including Pandas and NumPy.
- SQL: you write complex analytical queries comfortably.
- scikit-learn for classical machine learning (gradient boosting, linear models, model selection).
- Model training with PyTorch or TensorFlow.
- MLOps: model versioning, deployment, monitoring and automated retraining.

Nice to have
- MLflow and Airflow
- Docker, Kubernetes, AWS SageMaker
- Spark for large datasets
- NLP for product descriptions and reviews

What we offer
- Salary £70,000 – £90,000 (London) or €80,000 – €100,000 (Berlin)
- Four-day office week optional; home-office budget
- 28 days of holiday plus public holidays
`,
};

export const SAMPLE_JDS: readonly SampleJd[] = [FULL_STACK_JD, DATA_SCIENCE_JD];
