using Imbalance.Anomaly;
using Imbalance.Batching;
using Imbalance.Calibration;
using Imbalance.Combine;
using Imbalance.Ensemble;
using Imbalance.Datasets;
using Imbalance.Learning;
using Imbalance.Metrics;
using Imbalance.ModelSelection;
using Imbalance.Neighbors;
using Imbalance.OverSampling;
using Imbalance.Pipelines;
using Imbalance.Sampling;
using Imbalance.UnderSampling;

namespace Imbalance.Docs.Tests.Snippets;

/// <summary>
/// The <c>&lt;example&gt;</c> of each public type's XML documentation, run and checked here. Region <c>api-NAME</c>
/// is the example of type NAME; ApiExampleTests checks that the XML documentation shows it verbatim.
/// </summary>
public class ApiExamples
{
    // 900 rows of class 0 and 100 of class 1 (scikit-learn's make_classification with the same arguments).
    private static (double[,] X, int[] Y) Data() =>
        DataGenerators.MakeClassification(nSamples: 1_000, nFeatures: 6, weights: [0.9, 0.1], flipY: 0.0, randomState: 0);

    private static void ShouldBeBalanced(int[] y) => y.Count(v => v == 1).Should().Be(y.Count(v => v == 0));

    [Fact]
    public void Over_samplers()
    {
        var (x, y) = Data();
        {
            #region api-RandomOverSampler
            var (xRes, yRes) = new RandomOverSampler { RandomState = 42 }.FitResample(x, y);   // copies of random minority rows
            var smoothed = new RandomOverSampler { Shrinkage = 0.5, RandomState = 42 }.FitResample(x, y);  // jittered copies
            #endregion
            ShouldBeBalanced(yRes);
            smoothed.SampleIndices.Should().HaveCount(smoothed.Count);
        }

        {
            #region api-Smote
            var smote = new Smote { KNeighbors = 5, RandomState = 42 };    // imblearn: SMOTE(k_neighbors=5, random_state=42)
            var (xRes, yRes) = smote.FitResample(x, y);                    // the input rows, then the synthetic ones
            #endregion
            ShouldBeBalanced(yRes);
            xRes.GetLength(0).Should().Be(1_800);
        }

        {
            #region api-BorderlineSmote
            var sampler = new BorderlineSmote { Kind = BorderlineSmoteKind.Borderline1, MNeighbors = 10, RandomState = 42 };
            var result = sampler.FitResample(x, y);                          // synthetic rows only from minority rows in danger
            #endregion
            ShouldBeBalanced(result.Y);
        }

        {
            #region api-Adasyn
            var result = new Adasyn { NNeighbors = 5, RandomState = 42 }.FitResample(x, y);   // more rows where the minority is harder
            #endregion
            result.Y.Count(v => v == 1).Should().BeGreaterThan(800);
        }

        {
            #region api-SvmSmote
            var result = new SvmSmote { RandomState = 42 }.FitResample(x, y);   // SMOTE around the support vectors of an SVM
            #endregion
            result.Y.Count(v => v == 1).Should().BeGreaterThan(100);
        }

        {
            #region api-KMeansSmote
            var result = new KMeansSmote { ClusterBalanceThreshold = 0.0, RandomState = 42 }.FitResample(x, y);
            #endregion
            result.Y.Count(v => v == 1).Should().BeGreaterThanOrEqualTo(900, "imblearn rounds each cluster's share up");
        }

        {
            #region api-SmoteNc
            double[,] mixed = { { 1.0, 0 }, { 1.2, 1 }, { 0.9, 0 }, { 5.0, 2 }, { 5.5, 2 }, { 4.8, 1 }, { 5.2, 2 }, { 6.0, 2 } };
            int[] labels = [1, 1, 1, 0, 0, 0, 0, 0];
            var sampler = new SmoteNc { CategoricalFeatures = CategoricalFeatures.Indices(1), KNeighbors = 2, RandomState = 0 };
            var (xRes, yRes) = sampler.FitResample(mixed, labels);   // column 1 of a new row is a category of its neighbours
            #endregion
            ShouldBeBalanced(yRes);
            xRes[7, 1].Should().BeOneOf(0.0, 1.0, 2.0);
        }

        {
            #region api-SmoteN
            double[,] colours = { { 0, 1 }, { 0, 2 }, { 1, 1 }, { 2, 0 }, { 2, 2 }, { 1, 0 }, { 2, 1 }, { 2, 0 } };   // category codes
            int[] labels = [1, 1, 1, 0, 0, 0, 0, 0];
            var (xRes, yRes) = new SmoteN { KNeighbors = 2, RandomState = 0 }.FitResample(colours, labels);
            #endregion
            ShouldBeBalanced(yRes);
            xRes.Cast<double>().Should().OnlyContain(v => v == 0 || v == 1 || v == 2);
        }
    }

    [Fact]
    public void Under_samplers()
    {
        var (x, y) = Data();
        {
            #region api-RandomUnderSampler
            var result = new RandomUnderSampler { RandomState = 42 }.FitResample(x, y);   // 100 rows of each class
            int[] kept = result.SampleIndices!;                                            // imblearn's sample_indices_
            #endregion
            ShouldBeBalanced(result.Y);
            kept.Should().HaveCount(200);
        }

        {
            #region api-NearMiss
            var result = new NearMiss { Version = 1, NNeighbors = 3 }.FitResample(x, y);   // majority rows nearest the minority
            #endregion
            ShouldBeBalanced(result.Y);
        }

        {
            #region api-ClusterCentroids
            var soft = new ClusterCentroids { RandomState = 42 }.FitResample(x, y);   // majority replaced by 100 k-means centroids
            var hard = new ClusterCentroids { Voting = ClusterCentroidsVoting.Hard, RandomState = 42 }.FitResample(x, y);   // real rows nearest them
            #endregion
            ShouldBeBalanced(soft.Y);
            hard.SampleIndices.Should().NotBeNull();
        }

        {
            #region api-TomekLinks
            var result = new TomekLinks().FitResample(x, y);   // removes the majority row of each Tomek link
            #endregion
            result.Count.Should().BeLessThan(1_000);
        }

        {
            #region api-EditedNearestNeighbours
            var result = new EditedNearestNeighbours { NNeighbors = 3, KindSel = SelectionKind.All }.FitResample(x, y);
            #endregion
            result.Y.Count(v => v == 1).Should().Be(100);
        }

        {
            #region api-RepeatedEditedNearestNeighbours
            var result = new RepeatedEditedNearestNeighbours { MaxIter = 100 }.FitResample(x, y);   // ENN until nothing changes
            #endregion
            result.Count.Should().BeLessThan(1_000);
        }

        {
            #region api-AllKnn
            var result = new AllKnn { NNeighbors = 3 }.FitResample(x, y);   // ENN with 1, 2, then 3 neighbours
            #endregion
            result.Count.Should().BeLessThan(1_000);
        }

        {
            #region api-CondensedNearestNeighbour
            var result = new CondensedNearestNeighbour { RandomState = 42 }.FitResample(x, y);   // the rows a 1-NN rule needs
            #endregion
            result.Y.Count(v => v == 0).Should().BeLessThan(900);
        }

        {
            #region api-OneSidedSelection
            var result = new OneSidedSelection { RandomState = 42 }.FitResample(x, y);   // condensing, then Tomek links
            #endregion
            result.Y.Count(v => v == 0).Should().BeLessThan(900);
        }

        {
            #region api-NeighbourhoodCleaningRule
            var result = new NeighbourhoodCleaningRule { NNeighbors = 3 }.FitResample(x, y);
            #endregion
            result.Y.Count(v => v == 1).Should().Be(100);
        }

        {
            #region api-InstanceHardnessThreshold
            var sampler = new InstanceHardnessThreshold { Estimator = new LogisticRegression(), Cv = 5, RandomState = 42 };
            var result = sampler.FitResample(x, y);   // drops the majority rows the classifier finds hardest
            #endregion
            ShouldBeBalanced(result.Y);
        }
    }

    [Fact]
    public void Combined_and_function_samplers()
    {
        var (x, y) = Data();
        {
            #region api-SmoteEnn
            var result = new SmoteEnn { RandomState = 42 }.FitResample(x, y);   // SMOTE, then ENN over every class
            #endregion
            result.Count.Should().BeLessThan(1_800);
        }

        {
            #region api-SmoteTomek
            var result = new SmoteTomek { RandomState = 42 }.FitResample(x, y);   // SMOTE, then remove Tomek links
            #endregion
            result.Count.Should().BeLessThanOrEqualTo(1_800);
        }

        {
            #region api-FunctionSampler
            // Any function of (X, y) as a pipeline step; here: two cleaning rules in a row.
            var sampler = FunctionSampler.Create<int>((xs, ys) =>
            {
                var (xTomek, yTomek) = new TomekLinks().FitResample(xs, ys);
                var (xClean, yClean) = new EditedNearestNeighbours().FitResample(xTomek, yTomek);
                return (xClean, yClean);
            });
            var (xRes, yRes) = sampler.FitResample(x, y);
            #endregion
            yRes.Length.Should().BeLessThan(1_000);
            xRes.GetLength(0).Should().Be(yRes.Length);
        }
    }

    [Fact]
    public void Learners()
    {
        var (x, y) = Data();
        {
            #region api-LogisticRegression
            var model = new LogisticRegression { C = 1.0, ClassWeight = ClassWeight.Balanced }.Fit(x, y);
            double[,] proba = model.PredictProba(x);     // columns in model.Classes order
            #endregion
            proba.GetLength(1).Should().Be(2);
        }

        {
            #region api-DecisionTreeClassifier
            var model = new DecisionTreeClassifier { MaxDepth = 4, RandomState = 0 }.Fit(x, y);
            int[] predicted = model.Predict(x);
            #endregion
            predicted.Should().HaveCount(1_000);
        }

        {
            #region api-RandomForestClassifier
            var model = new RandomForestClassifier { NEstimators = 50, ClassWeight = ClassWeight.BalancedSubsample, RandomState = 0 }.Fit(x, y);
            #endregion
            model.Predict(x).Should().HaveCount(1_000);
        }

        {
            #region api-KNeighborsClassifier
            var model = new KNeighborsClassifier { NNeighbors = 5, Weights = NeighborWeights.Distance }.Fit(x, y);
            #endregion
            model.Predict(x).Should().Equal(y, "with distance weights each training row is its own nearest neighbour");
        }

        {
            #region api-StandardScaler
            var scaler = new StandardScaler().Fit(x);          // learns each column's mean and standard deviation
            double[,] scaled = scaler.Transform(x);            // fit on training rows only, then transform any rows
            #endregion
            Enumerable.Range(0, 1_000).Average(i => scaled[i, 0]).Should().BeApproximately(0, 1e-12);
        }

        {
            #region api-KMeans
            int[] cluster = new KMeans { NClusters = 3, RandomState = 0 }.FitPredict(x);   // scikit-learn's KMeans(n_init=10)
            #endregion
            cluster.Distinct().Should().HaveCount(3);
        }

        {
            #region api-NearestNeighbors
            var index = new NearestNeighbors { NNeighbors = 5 }.Fit(x);   // brute force or KD-tree, as scikit-learn's 'auto'
            int[,] nearest = index.KNeighbors().ToIndexMatrix();          // each row's 5 nearest other rows
            #endregion
            nearest.GetLength(1).Should().Be(5);
        }
    }

    [Fact]
    public void Losses_batches_and_anomaly_detection()
    {
        var (x, y) = Data();
        {
            #region api-SupportVectorClassifier
            var svc = new SupportVectorClassifier { C = 1.0 };                      // scikit-learn's SVC(kernel="rbf", gamma="scale")
            IReadOnlyList<int> supportVectors = svc.FindSupportVectors(x, y);       // the rows SVM-SMOTE starts from
            #endregion
            supportVectors.Should().NotBeEmpty().And.OnlyContain(i => i >= 0 && i < 1_000);
        }

        {
            #region api-FocalLoss
            var focal = new FocalLoss { Gamma = 2.0, Alpha = 0.25 };
            double[] logits = [2.0, -1.0, 0.5];
            int[] targets = [1, 0, 0];
            var gradient = new double[3];
            double loss = focal.EvaluateBinary(logits, targets, gradient);   // summed loss; gradient w.r.t. each logit
            var model = new LogisticRegression { FocalLoss = focal }.Fit(x, y);
            #endregion
            loss.Should().BePositive();
            gradient[0].Should().BeNegative("raising the logit of a positive row lowers its loss");
            model.Predict(x).Should().HaveCount(1_000);
        }

        {
            #region api-IsolationForest
            var forest = new IsolationForest { NEstimators = 100, Contamination = 0.1, RandomState = 0 }.Fit(x);
            double[] scores = forest.ScoreSamples(x);     // lower = more abnormal (scikit-learn's score_samples)
            int[] flags = forest.Predict(x);               // +1 inlier, -1 outlier
            #endregion
            scores.Should().HaveCount(1_000);
            flags.Count(v => v == -1).Should().BeInRange(90, 110);
        }

        {
            #region api-OneClassSvm
            var svm = new OneClassSvm { Nu = 0.05 }.Fit(x);     // scikit-learn's OneClassSVM(nu=0.05, gamma="scale")
            double[] decision = svm.DecisionFunction(x);        // negative outside the learned region
            #endregion
            decision.Count(v => v < 0).Should().BeInRange(20, 120);
        }

        {
            #region api-OutlierDetectorClassifier
            var classifier = new OutlierDetectorClassifier { Detector = new IsolationForest { RandomState = 0 }, RandomState = 0 };
            var model = classifier.Fit(x, y);     // the detector learns class 0 only; the threshold is tuned on validation rows
            #endregion
            model.Predict(x).Should().HaveCount(1_000);
        }

        {
            #region api-BalancedBatchSampler
            var batches = new BalancedBatchSampler { BatchSize = 50, RandomState = 42 }.Fit(x, y);
            foreach (int[] rows in batches.KerasBatches()) { /* train on rows */ }     // imblearn's BalancedBatchGenerator
            #endregion
            batches.KerasBatches().Should().HaveCount(4, "100 rows of each class make 200 rows, 4 batches of 50");
        }

        {
            #region api-WeightedBatchSampler
            var sampler = new WeightedBatchSampler(ClassWeight.Balanced.ComputeSampleWeight(y)) { BatchSize = 100, RandomState = 0 };
            int[][] epoch = sampler.Epochs().First();     // PyTorch's WeightedRandomSampler: n draws with replacement
            #endregion
            epoch.Should().HaveCount(10);
        }
    }

    [Fact]
    public void Ensembles()
    {
        var (x, y) = Data();
        {
            #region api-BalancedRandomForestClassifier
            var forest = new BalancedRandomForestClassifier { NEstimators = 100, RandomState = 0 }.Fit(x, y);   // each tree on a balanced draw
            var paper = new BalancedRandomForestClassifier                                                     // Chen et al. 2004 (imblearn 0.13)
            {
                SamplingStrategy = SamplingStrategy.All, Replacement = true, Bootstrap = false, RandomState = 0,
            };
            #endregion
            forest.Predict(x).Should().HaveCount(1_000);
            paper.Fit(x, y).FeatureImportances.Sum().Should().BeApproximately(1.0, 1e-9);
        }

        {
            #region api-BalancedBaggingClassifier
            var bagging = new BalancedBaggingClassifier { NEstimators = 10, RandomState = 0 };                     // under-sampled bags of trees
            var smoteBagging = new BalancedBaggingClassifier { Sampler = new Smote(), NEstimators = 10, RandomState = 0 };
            var model = bagging.Fit(x, y);
            #endregion
            model.Predict(x).Should().HaveCount(1_000);
            smoteBagging.Fit(x, y).PredictProba(x).GetLength(1).Should().Be(2);
        }

        {
            #region api-EasyEnsembleClassifier
            var model = new EasyEnsembleClassifier { NEstimators = 10, RandomState = 0 }.Fit(x, y);   // balanced bags of AdaBoost
            #endregion
            model.PredictProba(x).GetLength(0).Should().Be(1_000);
        }

        {
            #region api-RusBoostClassifier
            var model = new RusBoostClassifier { NEstimators = 50, RandomState = 0 }.Fit(x, y);   // AdaBoost, under-sampling every round
            #endregion
            model.Predict(x).Should().HaveCount(1_000);
        }

        {
            #region api-AdaBoostClassifier
            var model = new AdaBoostClassifier { NEstimators = 50, Algorithm = AdaBoostAlgorithm.SammeR, RandomState = 0 }.Fit(x, y);
            #endregion
            model.Predict(x).Should().HaveCount(1_000);
        }

        {
            #region api-MiniBatchKMeans
            int[] cluster = new MiniBatchKMeans { NClusters = 3, RandomState = 0 }.FitPredict(x);   // scikit-learn's MiniBatchKMeans, bit for bit
            #endregion
            cluster.Distinct().Should().HaveCount(3);
        }
    }

    [Fact]
    public void Decisions()
    {
        var (x, y) = Data();
        var plain = Pipeline.Make(new StandardScaler(), new LogisticRegression());
        {
            #region api-FixedThresholdClassifier
            var model = new FixedThresholdClassifier { Estimator = plain, Threshold = 0.2 }.Fit(x, y);   // class 1 when P(1) >= 0.2
            #endregion
            model.Predict(x).Count(v => v == 1).Should().BeGreaterThan(plain.Fit(x, y).Predict(x).Count(v => v == 1));
        }

        {
            #region api-TunedThresholdClassifierCV
            var tuned = new TunedThresholdClassifierCV { Estimator = plain, Scoring = Scoring.Get("f1") };   // scikit-learn 1.5
            var model = tuned.Fit(x, y);              // model.BestThreshold: the F1-best cut, chosen on inner folds
            #endregion
            model.BestThreshold.Should().BeInRange(0.0, 1.0);
        }

        {
            #region api-CostSensitiveClassifier
            // A missed positive costs 10, a false alarm 1: predict class 1 when P(1) >= 1 / (1 + 10).
            var model = new CostSensitiveClassifier { Estimator = plain, Costs = new ClassificationCosts(FalsePositive: 1, FalseNegative: 10) }.Fit(x, y);
            #endregion
            model.Predict(x).Count(v => v == 1).Should().BeGreaterThan(100);
        }

        {
            #region api-CalibratedClassifierCV
            var calibrated = new CalibratedClassifierCV { Estimator = new DecisionTreeClassifier { MaxDepth = 4 }, Method = CalibrationMethod.Isotonic };
            var model = calibrated.Fit(x, y);         // calibrators fitted on held-out folds (scikit-learn's cv=5)
            #endregion
            model.PredictProba(x).GetLength(1).Should().Be(2);
        }

        {
            #region api-PriorCorrection
            var underSampled = Pipeline.Make(new RandomUnderSampler { RandomState = 0 }, new LogisticRegression());
            var model = new PriorCorrection { Estimator = underSampled }.Fit(x, y);   // probabilities back to the 10 % prior
            #endregion
            var corrected = model.PredictProba(x);
            Enumerable.Range(0, 1_000).Average(i => corrected[i, 1]).Should().BeLessThan(0.3);
        }

        {
            #region api-GridSearchCV
            var search = new GridSearchCV<int>
            {
                Candidates = [3, 5, 7],
                Factory = k => Pipeline.Make(new Smote { KNeighbors = k, RandomState = 0 }, new LogisticRegression()),
                Scoring = [Scoring.Get("f1"), Scoring.Get("average_precision")],
                Refit = "average_precision",
            };
            var model = search.Fit(x, y);   // the best candidate refitted on all rows; model.Results holds the table
            #endregion
            new[] { 3, 5, 7 }.Should().Contain(model.BestParams);
        }

        {
            #region api-RandomizedSearchCV
            var search = new RandomizedSearchCV<(int K, double C)>
            {
                Candidates = ParameterGrid.Product([3, 5, 7], [0.1, 1.0, 10.0]),
                Factory = p => Pipeline.Make(new Smote { KNeighbors = p.K, RandomState = 0 }, new LogisticRegression { C = p.C }),
                NIter = 4,
                RandomState = 0,
            };
            var model = search.Fit(x, y);   // 4 of the 9 candidates, drawn as scikit-learn's ParameterSampler draws them
            #endregion
            model.Predict(x).Should().HaveCount(1_000);
        }

        {
            #region api-ParameterGrid
            var grid = ParameterGrid.Product([3, 5], ["auto", "minority"]);   // (3, auto), (3, minority), (5, auto), (5, minority)
            #endregion
            grid.Should().HaveCount(4);
            grid[1].Should().Be((3, "minority"));
        }

        {
            #region api-Scoring
            Scorer f1 = Scoring.Get("f1");                           // scikit-learn's scoring strings
            Scorer gMean = Scoring.Get("g_mean");                    // and imblearn's metrics
            Scorer recall = Scoring.Get("recall", posLabel: 1);
            var result = CrossValidation.CrossValidate(plain, x, y, [f1, gMean, recall], new StratifiedKFold { NSplits = 5 }.Split(y));
            #endregion
            result.Mean("g_mean").Should().BeInRange(0, 1);
        }
    }

    [Fact]
    public void Metrics()
    {
        var (x, y) = Data();
        var predicted = new LogisticRegression().Fit(x, y).Predict(x);
        var scores = new double[y.Length];
        {
            #region api-ClassificationMetrics
            var f1 = ClassificationMetrics.F1Score(y, predicted, posLabel: 1);
            var balanced = ClassificationMetrics.BalancedAccuracyScore(y, predicted);
            var mcc = ClassificationMetrics.MatthewsCorrCoef(y, predicted);
            #endregion
            f1.Should().BeInRange(0, 1);
            balanced.Should().BeInRange(0.5, 1);
            mcc.Should().BeInRange(-1, 1);
        }

        {
            #region api-ImbalancedMetrics
            var gMean = ImbalancedMetrics.GeometricMeanScore(y, predicted, average: Average.Binary, posLabel: 1);
            var report = ImbalancedMetrics.ClassificationReportImbalanced(y, predicted);   // report.Text is imblearn's table
            #endregion
            gMean.Should().BeInRange(0, 1);
            report.Text.Should().Contain("iba");
        }

        {
            var model = new LogisticRegression().Fit(x, y);
            var proba = model.PredictProba(x);
            for (var i = 0; i < y.Length; i++)
            {
                scores[i] = proba[i, 1];
            }

            #region api-ScoreMetrics
            var averagePrecision = ScoreMetrics.AveragePrecisionScore(y, scores);   // scores: probability of class 1
            var rocAuc = ScoreMetrics.RocAucScore(y, scores);
            var curve = ScoreMetrics.PrecisionRecallCurve(y, scores);
            #endregion
            averagePrecision.Should().BeInRange(0, 1);
            rocAuc.Should().BeInRange(0.5, 1);
            curve.Precision.Should().HaveSameCount(curve.Recall);
        }

        {
            #region api-ThresholdMoving
            var curve = ThresholdMoving.TuneThreshold(y, scores, ThresholdObjective.GeometricMean);
            int[] decided = scores.Select(s => s >= curve.BestThreshold ? 1 : 0).ToArray();   // tune on validation rows
            #endregion
            decided.Should().HaveCount(1_000);
        }

        {
            #region api-ConfusionMatrix
            var matrix = ClassificationMetrics.ConfusionMatrix(y, predicted);   // one pass over the labels
            double missed = matrix[1, 0];                                        // rows of class 1 predicted as 0
            double recall = matrix.Recall(posLabel: 1);                          // and every count-based metric from it
            #endregion
            missed.Should().Be(matrix.FalseNegatives[1]);
            recall.Should().Be(ClassificationMetrics.RecallScore(y, predicted, posLabel: 1));
        }

        {
            #region api-ClassWeights
            double[] weights = ClassWeights.ComputeClassWeight(ClassWeightMode.Balanced, [0, 1], y);   // n / (classes x count)
            double[] rowWeights = ClassWeights.ComputeSampleWeight(ClassWeightMode.Balanced, y);
            #endregion
            weights.Should().Equal(1_000 / 1_800.0, 1_000 / 200.0);
            rowWeights.Should().HaveCount(1_000);
        }
    }

    [Fact]
    public void Data_in_and_out()
    {
        {
            #region api-BundledDatasets
            var (x, y) = BundledDatasets.LoadBreastCancer();          // scikit-learn's load_breast_cancer: 569 x 30
            var cancer = BundledDatasets.LoadBreastCancer();
            Console.WriteLine(string.Join(", ", cancer.TargetNames));  // malignant, benign
            #endregion
            x.GetLength(0).Should().Be(569);
            y.Count(v => v == 0).Should().Be(212);
            cancer.TargetNames.Should().Equal("malignant", "benign");
        }

        {
            #region api-TabularData
            var csv = new StringReader("amount,country,fraud\n12.5,FR,no\n830.0,US,yes\n40.1,FR,no\n7.9,DE,no\n912.0,US,yes\n22.0,DE,no\n");
            var options = new CsvOptions { CategoricalColumns = ["country"] };    // categories become ordinal codes
            var table = TabularData.ReadCsv<string>(csv, labelColumn: "fraud", options);
            var smoteNc = new SmoteNc { CategoricalFeatures = table.CategoricalFeatures, KNeighbors = 1, RandomState = 0 };
            var output = new StringWriter();
            table.WithRows(smoteNc.FitResample(table.X, table.Y)).WriteCsv(output);  // codes decoded back to "FR", "US" ...
            #endregion
            table.FeatureNames.Should().Equal("amount", "country");
            output.ToString().Should().Contain("US");
        }
    }

    [Fact]
    public void Pipelines_and_model_selection()
    {
        var (x, y) = Data();
        {
            #region api-Pipeline
            var pipeline = Pipeline.Make(new StandardScaler(), new Smote { RandomState = 0 }, new LogisticRegression());
            var model = pipeline.Fit(x, y);           // the sampler runs here only
            int[] predicted = model.Predict(x);       // the fitted model holds no sampler
            #endregion
            predicted.Should().HaveCount(1_000);
        }

        {
            #region api-StratifiedKFold
            var folds = new StratifiedKFold { NSplits = 5, Shuffle = true, RandomState = 0 }.Split(y);   // each fold keeps the 10 % share
            #endregion
            folds.Should().HaveCount(5);
            folds.Should().OnlyContain(f => f.TestIndices.Count(i => y[i] == 1) == 20);
        }

        {
            #region api-KFold
            var folds = new KFold { NSplits = 4 }.Split(sampleCount: 1_000);
            #endregion
            folds.Should().OnlyContain(f => f.TestIndices.Length == 250);
        }

        {
            #region api-DataSplit
            var split = DataSplit.TrainTestSplit(x, y, testSize: 0.25, randomState: 0, stratify: true);
            #endregion
            split.YTest.Count(v => v == 1).Should().Be(25);
        }

        {
            #region api-CrossValidation
            var pipeline = Pipeline.Make(new StandardScaler(), new RandomUnderSampler { RandomState = 0 }, new LogisticRegression());
            var recall = Scoring.FromPredictions<int>("recall", (t, p) => ClassificationMetrics.RecallScore(t, p, posLabel: 1));
            var result = CrossValidation.CrossValidate(pipeline, x, y, [recall], new StratifiedKFold { NSplits = 5 }.Split(y));
            double meanRecall = result.Mean("recall");   // each fold's sampler saw only its training rows
            #endregion
            meanRecall.Should().BeInRange(0.5, 1);
        }

        {
            #region api-DataGenerators
            var (xs, ys) = DataGenerators.MakeClassification(nSamples: 1_000, weights: [0.9, 0.1], randomState: 0);   // = scikit-learn's
            var (xCut, yCut) = DataGenerators.MakeImbalance(xs, ys, new Dictionary<int, int> { [1] = 20 }, randomState: 0);
            #endregion
            yCut.Count(v => v == 1).Should().Be(20);
            xCut.GetLength(0).Should().Be(yCut.Length);
        }
    }
}
